package dev.roadmap.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.Role;

import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * How the session store turns attributes into bytes and back. The one attribute every
 * signed-in request reads, the security context of a form login, is written in a compact
 * form of its own: Java serialization spent about 6 % of a learner page resolving class
 * descriptors for it, and wrote 1.4 KB where this writes about 150 bytes. Everything else
 * (flash messages, a remember-me login, a context of any other shape) is Java
 * serialization as Spring Session's default, and bytes written that way before, by an
 * earlier version, are still read: they begin with Java serialization's magic number, the
 * compact form with {@link #MAGIC}.
 */
final class SessionAttributeCodec extends GenericConversionService {

	/**
	 * "BRS" and the format's version.
	 */
	static final byte[] MAGIC = { 'B', 'R', 'S', 1 };

	private static final int SIMPLE = 1;

	private static final int FACTOR = 2;

	private final SerializingConverter java = new SerializingConverter();

	private final DeserializingConverter fromJava;

	SessionAttributeCodec(ClassLoader classLoader) {
		this.fromJava = new DeserializingConverter(classLoader);
		addConverter(Object.class, byte[].class, this::encode);
		addConverter(byte[].class, Object.class, this::decode);
	}

	byte[] encode(Object value) {
		if (isCompact(value)) {
			try {
				return compact((SecurityContextImpl) value);
			}
			catch (UncheckedIOException ex) {
				// A text longer than the compact form's 64 KB: the general form has no
				// limit.
			}
		}
		return this.java.convert(value);
	}

	Object decode(byte[] bytes) {
		return startsWithMagic(bytes) ? context(bytes) : this.fromJava.convert(bytes);
	}

	/**
	 * A form login's context exactly: the classes are compared, not tested with
	 * instanceof, so a subclass with more state is never cut down to this shape.
	 */
	private static boolean isCompact(Object value) {
		if (value == null || value.getClass() != SecurityContextImpl.class) {
			return false;
		}
		Authentication authentication = ((SecurityContextImpl) value).getAuthentication();
		return authentication != null && authentication.getClass() == UsernamePasswordAuthenticationToken.class
				&& authentication.isAuthenticated() && authentication.getCredentials() == null
				&& authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.getPassword() == null
				&& (authentication.getDetails() == null
						|| authentication.getDetails().getClass() == WebAuthenticationDetails.class)
				&& authentication.getAuthorities()
					.stream()
					.allMatch((authority) -> authority.getClass() == SimpleGrantedAuthority.class
							|| authority.getClass() == FactorGrantedAuthority.class);
	}

	private static byte[] compact(SecurityContextImpl context) {
		Authentication authentication = context.getAuthentication();
		AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(192);
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			out.write(MAGIC);
			out.writeLong(principal.id());
			out.writeUTF(principal.getUsername());
			out.writeUTF(principal.displayName());
			List<Role> roles = EnumSet.allOf(Role.class).stream().filter(principal::hasRole).toList();
			out.writeByte(roles.size());
			for (Role role : roles) {
				out.writeUTF(role.name());
			}
			writeNullable(out, principal.timeZone().orElse(null));
			out.writeShort(authentication.getAuthorities().size());
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				writeAuthority(out, authority);
			}
			WebAuthenticationDetails details = (WebAuthenticationDetails) authentication.getDetails();
			out.writeBoolean(details != null);
			if (details != null) {
				writeNullable(out, details.getRemoteAddress());
				writeNullable(out, details.getSessionId());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static void writeAuthority(DataOutputStream out, GrantedAuthority authority) throws IOException {
		if (authority instanceof FactorGrantedAuthority factor) {
			out.writeByte(FACTOR);
			out.writeUTF(factor.getAuthority());
			Instant issuedAt = factor.getIssuedAt();
			out.writeLong(issuedAt.getEpochSecond());
			out.writeInt(issuedAt.getNano());
		}
		else {
			out.writeByte(SIMPLE);
			out.writeUTF(authority.getAuthority());
		}
	}

	private static SecurityContextImpl context(byte[] bytes) {
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			in.skipNBytes(MAGIC.length);
			long id = in.readLong();
			String email = in.readUTF();
			String displayName = in.readUTF();
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (int i = in.readUnsignedByte(); i > 0; i--) {
				roles.add(Role.valueOf(in.readUTF()));
			}
			String timeZone = readNullable(in);
			AccountPrincipal principal = new AccountPrincipal(new Account(id, email, displayName, roles, timeZone),
					null);
			List<GrantedAuthority> authorities = new ArrayList<>();
			for (int i = in.readUnsignedShort(); i > 0; i--) {
				authorities.add(readAuthority(in));
			}
			UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken
				.authenticated(principal, null, authorities);
			if (in.readBoolean()) {
				authentication.setDetails(new WebAuthenticationDetails(readNullable(in), readNullable(in)));
			}
			return new SecurityContextImpl(authentication);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static GrantedAuthority readAuthority(DataInputStream in) throws IOException {
		int kind = in.readUnsignedByte();
		String authority = in.readUTF();
		if (kind == FACTOR) {
			Instant issuedAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
			return FactorGrantedAuthority.withAuthority(authority).issuedAt(issuedAt).build();
		}
		return new SimpleGrantedAuthority(authority);
	}

	private static boolean startsWithMagic(byte[] bytes) {
		if (bytes.length < MAGIC.length) {
			return false;
		}
		for (int i = 0; i < MAGIC.length; i++) {
			if (bytes[i] != MAGIC[i]) {
				return false;
			}
		}
		return true;
	}

	private static void writeNullable(DataOutputStream out, String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static String readNullable(DataInputStream in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}
