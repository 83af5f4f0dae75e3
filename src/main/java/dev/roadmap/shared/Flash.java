package dev.roadmap.shared;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A message shown once, on the page an action leads to: the layout renders it at the top
 * of the page (and the stage page's htmx answer announces it). It travels in the session
 * between the POST and the GET it redirects to, hence serializable.
 *
 * @param key the message key
 * @param args the message's arguments; one made by {@link #message(String)} is resolved
 * itself, in the reader's language
 */
public record Flash(String key, List<Object> args) implements Serializable {

	public Flash {
		args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
	}

	public static Flash of(String key, Object... args) {
		return new Flash(key, Arrays.asList(args));
	}

	/**
	 * An argument that is itself a message, such as a status's name.
	 */
	public static Object message(String key) {
		return new DefaultMessageSourceResolvable(key);
	}

	/**
	 * The arguments as Thymeleaf's {@code #messages.msgWithParams} takes them.
	 */
	public Object[] arguments() {
		return this.args.toArray();
	}

}
