package dev.roadmap.account;

/**
 * A user's public progress page setting, as the user sees it on the account page.
 *
 * @param enabled whether {@code /u/{handle}} shows the page; when off, the address is not
 * found
 * @param handle the page's address, lower-case; kept while the page is off, {@code null}
 * if the user never chose one or released it
 */
public record PublicPage(boolean enabled, String handle) {

	public static final PublicPage OFF = new PublicPage(false, null);

}
