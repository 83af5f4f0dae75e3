package dev.roadmap.account.settings;

import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.roadmap.account.AccountProfile;
import dev.roadmap.account.ExportRows;
import dev.roadmap.account.PersonalData;
import dev.roadmap.account.PublicPageService;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Download all my data": the user's profile and every module's {@link PersonalData}
 * part, as one JSON document. Everything is read in one read-only transaction, so the
 * parts agree with each other, and written as it is read.
 */
@Service
class AccountExport {

	/** Bumped when the document's shape changes in a way readers must know about. */
	static final int FORMAT = 1;

	private final AccountSettings settings;

	private final ObjectProvider<PersonalData> parts;

	private final JsonMapper json;

	private final PublicPageService publicPages;

	AccountExport(AccountSettings settings, ObjectProvider<PersonalData> parts, JsonMapper json,
			PublicPageService publicPages) {
		this.settings = settings;
		this.parts = parts;
		this.json = json;
		this.publicPages = publicPages;
	}

	/**
	 * Writes the document to the stream as it is read: the parts' {@link ExportRows} come
	 * from the database row by row while they are written, so the export of any history
	 * takes little memory.
	 */
	@Transactional(readOnly = true)
	public void writeTo(long userId, OutputStream out) {
		AccountProfile profile = this.settings.profile(userId);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("format", FORMAT);
		document.put("exportedAt", Instant.now());
		document.put("profile", profile);
		document.put("publicPage", this.publicPages.publicPageOf(userId));
		this.parts.orderedStream().forEach((part) -> document.put(part.name(), part.export(userId)));
		this.json.writerWithDefaultPrettyPrinter().writeValue(out, document);
	}

}
