package dev.roadmap.account.settings;

import dev.roadmap.account.AccountPrincipal;

import org.springframework.ui.Model;

/**
 * A part of the account page that another feature of the module owns, such as the public
 * page setting: it adds what its part of {@code account/index} shows, keeping a form
 * already in the model (sent back with its errors).
 */
public interface AccountPageSection {

	void addTo(AccountPrincipal me, Model model);

}
