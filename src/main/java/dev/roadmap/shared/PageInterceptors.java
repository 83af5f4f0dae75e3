package dev.roadmap.shared;

/**
 * The order of the interceptors around a page, written down where both sides of it can
 * see it. Spring MVC calls {@code preHandle} in this order and {@code postHandle} in the
 * reverse one, so an interceptor ordered after the page's read-only transaction reads
 * inside it: the transaction begins before it and ends after it.
 */
public final class PageInterceptors {

	/**
	 * The read-only transaction a page's reads share ({@code system.ReadOnlyPages}).
	 */
	public static final int READ_ONLY_TRANSACTION = 0;

	/**
	 * Interceptors that read for the page in that transaction, such as the header's
	 * unread count ({@code notification.web.NotificationCountHeader}).
	 */
	public static final int INSIDE_READ_ONLY_TRANSACTION = READ_ONLY_TRANSACTION + 1;

	private PageInterceptors() {
	}

}
