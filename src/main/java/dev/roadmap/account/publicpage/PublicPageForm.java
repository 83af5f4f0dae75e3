package dev.roadmap.account.publicpage;

/**
 * The public page setting: an unticked box sends nothing, which means off. The handle is
 * checked by the service.
 */
record PublicPageForm(Boolean enabled, String handle) {

	public boolean on() {
		return Boolean.TRUE.equals(this.enabled);
	}

}
