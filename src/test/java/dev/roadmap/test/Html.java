package dev.roadmap.test;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MvcResult;

/**
 * Rendered pages as jsoup documents, to assert with CSS selectors.
 */
public final class Html {

	private Html() {
	}

	public static Document of(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

}
