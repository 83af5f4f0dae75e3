package dev.roadmap.account;

/**
 * A module's part of a user's personal data, for the "download my data" export and for
 * deleting an account. Other modules implement it (a bean each), since {@code account}
 * may use no other module: it calls every implementation and never needs to know them.
 * <p>
 * Erasure runs inside the deletion's transaction, in the beans' {@code @Order}: a part
 * that needs another module's data to anonymise its own runs before that module's part.
 * Each part deletes what is only the user's, and keeps what other people's records need,
 * with the user's id and name taken out.
 */
public interface PersonalData {

	/**
	 * The name of this part in the export, such as {@code progress}.
	 */
	String name();

	/**
	 * Everything of this part that is the user's own, as records, lists and maps that
	 * serialise to JSON, with {@link ExportRows} for whatever grows with the user's
	 * history. Never another user's data.
	 */
	Object export(long userId);

	/**
	 * Deletes the user's data from this part and anonymises what others need to keep.
	 */
	void erase(long userId);

}
