package dev.roadmap.progress.review;

/**
 * A mentor decided on a request without holding a live claim on it.
 */
public class ClaimRequiredException extends ReviewException {

	public ClaimRequiredException() {
		super("review.claimRequired");
	}

}
