package dev.roadmap.system;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;
import org.junit.jupiter.api.Test;

import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAttributeCodecTests {

	private final SessionAttributeCodec codec = new SessionAttributeCodec(getClass().getClassLoader());

	private final AccountPrincipal mentor = new AccountPrincipal(
			new Account(42, "mo@example.com", "Mo Mentor ✓", EnumSet.of(Role.LEARNER, Role.MENTOR), "Europe/Berlin"),
			null);

	@Test
	void aFormLoginsContextIsWrittenCompactlyAndReadBackWhole() {
		Instant issuedAt = Instant.parse("2026-12-03T10:15:30.123456789Z");
		List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority("ROLE_LEARNER"),
				new SimpleGrantedAuthority("ROLE_MENTOR"),
				FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
					.issuedAt(issuedAt)
					.build());
		UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.authenticated(this.mentor, null,
				authorities);
		login.setDetails(new WebAuthenticationDetails("127.0.0.1", null));

		byte[] bytes = this.codec.encode(new SecurityContextImpl(login));
		Object read = this.codec.decode(bytes);

		assertThat(Arrays.copyOf(bytes, SessionAttributeCodec.MAGIC.length)).isEqualTo(SessionAttributeCodec.MAGIC);
		assertThat(bytes.length)
			.isLessThan(new SerializingConverter().convert(new SecurityContextImpl(login)).length / 4);
		assertThat(read).isInstanceOf(SecurityContextImpl.class);
		Authentication authentication = ((SecurityContextImpl) read).getAuthentication();
		assertThat(authentication).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getCredentials()).isNull();
		assertThat(List.<GrantedAuthority>copyOf(authentication.getAuthorities()))
			.containsExactlyElementsOf(authorities);
		assertThat(authentication.getAuthorities()).filteredOn(FactorGrantedAuthority.class::isInstance)
			.singleElement()
			.satisfies((factor) -> assertThat(((FactorGrantedAuthority) factor).getIssuedAt()).isEqualTo(issuedAt));
		assertThat(authentication.getDetails()).isEqualTo(new WebAuthenticationDetails("127.0.0.1", null));
		AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
		assertThat(principal.id()).isEqualTo(42);
		assertThat(principal.getUsername()).isEqualTo("mo@example.com");
		assertThat(principal.displayName()).isEqualTo("Mo Mentor ✓");
		assertThat(principal.hasRole(Role.MENTOR)).isTrue();
		assertThat(principal.hasRole(Role.LEARNER)).isTrue();
		assertThat(principal.hasRole(Role.ADMIN)).isFalse();
		assertThat(principal.timeZone()).contains("Europe/Berlin");
		assertThat(principal.getPassword()).isNull();
		assertThat(principal.getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactlyInAnyOrder("ROLE_LEARNER", "ROLE_MENTOR");
	}

	@Test
	void aPrincipalOfASessionSavedBeforeTheZoneAndWithoutDetailsReadsBackSo() {
		AccountPrincipal learner = new AccountPrincipal(
				new Account(7, "ada@example.com", "Ada", EnumSet.of(Role.LEARNER), null), null);

		Object read = this.codec.decode(this.codec.encode(new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(learner, null, learner.getAuthorities()))));

		Authentication authentication = ((SecurityContextImpl) read).getAuthentication();
		assertThat(((AccountPrincipal) authentication.getPrincipal()).timeZone()).isEmpty();
		assertThat(authentication.getDetails()).isNull();
	}

	@Test
	void whatSessionsSavedBeforeTheCompactFormHoldIsStillRead() {
		SecurityContextImpl context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(this.mentor, null, this.mentor.getAuthorities()));
		byte[] javaSerialized = new SerializingConverter().convert(context);

		Object read = this.codec.decode(javaSerialized);

		assertThat(((AccountPrincipal) ((SecurityContextImpl) read).getAuthentication().getPrincipal()).id())
			.isEqualTo(42);
	}

	@Test
	void everyOtherAttributeIsJavaSerializedAsSpringSessionsDefault() {
		FlashMap flash = new FlashMap();
		flash.put("flash", "saved");
		RememberMeAuthenticationToken rememberMe = new RememberMeAuthenticationToken("key", this.mentor,
				this.mentor.getAuthorities());
		AccountPrincipal withHash = new AccountPrincipal(
				new Account(8, "eve@example.com", "Eve", EnumSet.of(Role.LEARNER), "UTC"), "{bcrypt}$2a$10$hash");
		SecurityContextImpl notYetErased = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(withHash, null, withHash.getAuthorities()));

		for (Object value : List.of(List.of(flash), new SecurityContextImpl(rememberMe), notYetErased)) {
			byte[] bytes = this.codec.encode(value);

			assertThat(bytes).startsWith(0xAC, 0xED);
			assertThat(this.codec.decode(bytes)).usingRecursiveComparison().isEqualTo(value);
		}
	}

}
