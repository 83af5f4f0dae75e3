package dev.roadmap.account.publicpage;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.account.PublicPage;
import dev.roadmap.account.PublicPageService;
import dev.roadmap.account.settings.AccountPageSection;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The public page's part of the account page: the setting as stored, the page's address
 * while it is on, and the form to change it.
 */
@Component
class PublicPageSection implements AccountPageSection {

	private final PublicPageService publicPages;

	PublicPageSection(PublicPageService publicPages) {
		this.publicPages = publicPages;
	}

	@Override
	public void addTo(AccountPrincipal me, Model model) {
		PublicPage page = this.publicPages.publicPageOf(me.id());
		model.addAttribute("publicPage", page);
		if (page.enabled()) {
			model.addAttribute("publicPageUrl",
					ServletUriComponentsBuilder.fromCurrentContextPath()
						.path("/u/{handle}")
						.buildAndExpand(page.handle())
						.toUriString());
		}
		if (!model.containsAttribute("publicPageForm")) {
			model.addAttribute("publicPageForm", new PublicPageForm(page.enabled(), page.handle()));
		}
	}

}
