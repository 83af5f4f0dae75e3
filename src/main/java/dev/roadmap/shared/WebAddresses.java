package dev.roadmap.shared;

import java.net.URI;
import java.util.Locale;

/**
 * What counts as a link a browser may follow from our pages: an absolute {@code http} or
 * {@code https} address with a host. Anything else ({@code javascript:}, {@code data:}, a
 * relative path) is refused wherever a link comes from: learners' evidence, the roadmap
 * content.
 */
public final class WebAddresses {

	private WebAddresses() {
	}

	public static boolean isWebAddress(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
	}

}
