package dev.roadmap.progress;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of a learner's history ends, for the next page to start after: the last
 * entry's time, table and id, which order the history without ties. Opaque to clients
 * (base64url); a cursor that does not parse is {@link #parse empty}.
 */
public record HistoryCursor(Instant at, char source, long id) {

	/** The source of a status change; review actions sort after it at the same time. */
	public static final char STATUS = 'S';

	public static final char REVIEW = 'R';

	public String encode() {
		String plain = this.at.getEpochSecond() + ":" + this.at.getNano() + ":" + this.source + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
	}

	public static Optional<HistoryCursor> parse(String encoded) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII).split(":");
			if (parts.length != 4 || parts[2].length() != 1
					|| (parts[2].charAt(0) != STATUS && parts[2].charAt(0) != REVIEW)) {
				return Optional.empty();
			}
			return Optional
				.of(new HistoryCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
						parts[2].charAt(0), Long.parseLong(parts[3])));
		}
		catch (IllegalArgumentException | DateTimeException ex) {
			return Optional.empty();
		}
	}

}
