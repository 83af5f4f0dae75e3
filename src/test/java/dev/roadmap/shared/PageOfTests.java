package dev.roadmap.shared;

import java.util.List;
import java.util.Map;

import dev.roadmap.test.Fragments;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The one page record, and the one pager that draws it.
 */
class PageOfTests {

	@Test
	void pagesCountFromOneAndAnEmptyListIsOnePage() {
		PageOf<String> empty = new PageOf<>(List.of(), 1, 20, 0);
		PageOf<String> middle = new PageOf<>(List.of("u"), 2, 20, 41);
		PageOf<String> last = new PageOf<>(List.of("v"), 3, 20, 41);

		assertThat(empty.pages()).isEqualTo(1);
		assertThat(empty.hasPrevious()).isFalse();
		assertThat(empty.hasNext()).isFalse();
		assertThat(middle.pages()).isEqualTo(3);
		assertThat(middle.offset()).isEqualTo(20);
		assertThat(middle.hasPrevious()).isTrue();
		assertThat(middle.hasNext()).isTrue();
		assertThat(last.hasNext()).isFalse();
		assertThat(PageOf.offsetOf(1, 20)).isZero();
		assertThatIllegalArgumentException().isThrownBy(() -> new PageOf<>(List.of(), 0, 20, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new PageOf<>(List.of(), 1, 0, 0));
	}

	@Test
	void aPagePastTheLastHasAWayBackAndNoneOn() {
		PageOf<String> beyond = new PageOf<>(List.of(), 9, 20, 25);

		assertThat(beyond.pages()).isEqualTo(2);
		assertThat(beyond.hasPrevious()).isTrue();
		assertThat(beyond.hasNext()).isFalse();
	}

	@Test
	void aNumberAskedForIsReadWithinTheList() {
		assertThat(PageOf.within(-3, 20, 25)).isEqualTo(1);
		assertThat(PageOf.within(2, 20, 25)).isEqualTo(2);
		assertThat(PageOf.within(99, 20, 25)).isEqualTo(2);
		assertThat(PageOf.within(99, 20, 0)).isEqualTo(1);
	}

	@Test
	void theNumbersAreTheEndsAndTheNearbyPagesWithGaps() {
		assertThat(page(1, 3).numbers()).containsExactly(1, 2, 3);
		assertThat(page(10, 20).numbers()).containsExactly(1, PageOf.GAP, 8, 9, 10, 11, 12, PageOf.GAP, 20);
		assertThat(page(1, 20).numbers()).containsExactly(1, 2, 3, PageOf.GAP, 20);
		assertThat(page(4, 20).numbers()).containsExactly(1, 2, 3, 4, 5, 6, PageOf.GAP, 20);
	}

	@Test
	void theNumberedPagerLinksEveryShownPageAndMarksThisOne() {
		Document html = numbers(page(2, 3), "/admin/users?q=ada", 1);

		assertThat(html.select("nav.pagination").attr("aria-label")).isEqualTo("Pages");
		assertThat(html.select("a[rel=prev]").attr("href")).isEqualTo("/admin/users?q=ada&page=1");
		assertThat(html.select("a[rel=prev]").text()).isEqualTo("Previous");
		assertThat(html.select("a[rel=next]").attr("href")).isEqualTo("/admin/users?q=ada&page=3");
		assertThat(html.select("a[rel=next]").text()).isEqualTo("Next");
		assertThat(html.select("a[aria-current=page]").text()).isEqualTo("2");
		assertThat(html.select("a[aria-current=page]").attr("aria-label")).isEqualTo("Page 2");
		assertThat(numbers(page(10, 20), "/admin/audit", 1).select(".gap")).hasSize(2);
	}

	@Test
	void thePagerWritesTheAddressesCountingAsTheListsAddressesDo() {
		// The mentor's pages have always counted from 0 in their addresses.
		Document fromZero = steps(page(2, 3), "/mentor/learners/7", 0);
		Document fromOne = steps(page(2, 3), "/notifications", 1);

		assertThat(fromZero.select("a[rel=prev]").attr("href")).isEqualTo("/mentor/learners/7?page=0");
		assertThat(fromZero.select("a[rel=next]").attr("href")).isEqualTo("/mentor/learners/7?page=2");
		assertThat(fromZero.select("span").text()).isEqualTo("Page 2 of 3");
		assertThat(fromOne.select("a[rel=prev]").attr("href")).isEqualTo("/notifications?page=1");
		assertThat(fromOne.select("a[rel=next]").attr("href")).isEqualTo("/notifications?page=3");
		assertThat(fromOne.select("nav").attr("class")).isEqualTo("pager");
		assertThat(fromOne.select("nav").attr("aria-label")).isEqualTo("History pages");
		assertThat(fromOne.select("a[rel=prev]").text()).isEqualTo("Newer");
		assertThat(fromOne.select("a[rel=next]").text()).isEqualTo("Older");
	}

	@Test
	void aListOfOnePageHasNoPagerUnlessAnOldLinkWentPastIt() {
		assertThat(steps(page(1, 1), "/notifications", 1).select("nav")).isEmpty();
		assertThat(numbers(page(1, 1), "/admin/audit", 1).select("nav")).isEmpty();
		Document beyond = steps(new PageOf<>(List.of(), 3, 20, 5), "/notifications", 1);
		assertThat(beyond.select("a[rel=prev]").attr("href")).isEqualTo("/notifications?page=2");
		assertThat(beyond.select("a[rel=next]")).isEmpty();
	}

	private static PageOf<String> page(int number, int pages) {
		return new PageOf<>(List.of("item"), number, 10, pages * 10L);
	}

	private static Document numbers(PageOf<?> page, String href, int first) {
		return Fragments.render("""
				<nav th:replace="~{fragments/pager :: numbers(page=${page}, href=${href}, first=${first},
					label=#{admin.pages})}"></nav>""", Map.of("page", page, "href", href, "first", first));
	}

	private static Document steps(PageOf<?> page, String href, int first) {
		return Fragments.render(
				"""
						<nav th:replace="~{fragments/pager :: steps(page=${page}, href=${href}, pageParam='page', first=${first},
							label=#{mentor.learner.historyPages}, previous=#{pager.newer}, next=#{pager.older},
							style='pager')}"></nav>""",
				Map.of("page", page, "href", href, "first", first));
	}

}
