package dev.roadmap.progress.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Markup rendered once per key and then reused, for parts of pages that depend only on
 * the roadmap (which changes only by a redeploy) and on their key. What is kept is
 * bounded, because keys carry what visitors choose (any locale a browser names, names):
 * past the bound, parts are rendered each time.
 *
 * @param <K> what the markup depends on, a value with equals and hashCode
 * @param <V> the rendered markup
 */
final class RenderedOnce<K, V> {

	private final int bound;

	private final Map<K, V> kept = new ConcurrentHashMap<>();

	RenderedOnce(int bound) {
		this.bound = bound;
	}

	V get(K key, Function<K, V> render) {
		V value = this.kept.get(key);
		if (value == null) {
			value = render.apply(key);
			if (this.kept.size() < this.bound) {
				this.kept.putIfAbsent(key, value);
			}
		}
		return value;
	}

}
