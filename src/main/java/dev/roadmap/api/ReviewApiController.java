package dev.roadmap.api;

import java.time.Instant;
import java.util.List;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.progress.review.Evidence;
import dev.roadmap.progress.review.ReviewComment;
import dev.roadmap.progress.review.ReviewIteration;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The token's user's reviews: read one (its iterations and conversation), ask for one
 * with evidence, reply in it. Through {@link ReviewService}, with the rules the stage
 * page has (a done skill, not verified yet; the same evidence again changes nothing).
 */
@RestController
@Tag(name = "My reviews", description = "Your reviews: scopes progress:read (read) and reviews:write")
@RequestMapping(path = "/api/v1/me/skills/{stage}/{skill}/review", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewApiController {

	private final RoadmapService roadmap;

	private final ReviewService reviews;

	ReviewApiController(RoadmapService roadmap, ReviewService reviews) {
		this.roadmap = roadmap;
		this.reviews = reviews;
	}

	@Operation(summary = "The skill's review: state, iterations and conversation (progress:read)")
	@GetMapping
	Review review(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String stage,
			@PathVariable String skill) {
		return Review.of(this.reviews.reviewOf(me.id(), skill(stage, skill).id()));
	}

	/**
	 * Asks for a review with this evidence; answers the review as it now is. Send an
	 * {@code Idempotency-Key} to retry safely: the same key answers the first answer
	 * again.
	 */
	@Operation(summary = "Ask for a review with evidence (reviews:write)",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER,
					description = "Any unique string; a retry with the same key gets the first answer again"))
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Review request(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String stage, @PathVariable String skill,
			@RequestBody EvidenceBody body) {
		Skill found = skill(stage, skill);
		EvidenceBody evidence = (body != null) ? body : new EvidenceBody(null, null, null);
		this.reviews.requestReview(me.id(), found, new Evidence(evidence.url(), evidence.liveUrl(), evidence.note()));
		return Review.of(this.reviews.reviewOf(me.id(), found.id()));
	}

	@Operation(summary = "Reply in the skill's review conversation (reviews:write)",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER,
					description = "Any unique string; a retry with the same key gets the first answer again"))
	@PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	Review reply(@AuthenticationPrincipal AccountPrincipal me, @PathVariable String stage, @PathVariable String skill,
			@RequestBody CommentBody body) {
		Skill found = skill(stage, skill);
		this.reviews.reply(me.id(), found, (body != null) ? body.body() : null);
		return Review.of(this.reviews.reviewOf(me.id(), found.id()));
	}

	private Skill skill(String stage, String skill) {
		return this.roadmap.skill(stage, skill)
			.orElseThrow(
					() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No skill '" + stage + "/" + skill + "'."));
	}

	public record EvidenceBody(String url, String liveUrl, String note) {
	}

	public record CommentBody(String body) {
	}

	public record Review(ReviewState state, boolean verified, int iteration, List<Iteration> iterations,
			List<Comment> comments) {

		static Review of(SkillReview review) {
			return new Review(review.state(), review.verified(), review.iteration(),
					review.iterations().stream().map(Iteration::of).toList(),
					review.comments().stream().map(Comment::of).toList());
		}

	}

	public record Iteration(int number, String url, String liveUrl, String note, Instant submittedAt) {

		static Iteration of(ReviewIteration iteration) {
			return new Iteration(iteration.number(), iteration.evidence().url(), iteration.evidence().liveUrl(),
					iteration.evidence().note(), iteration.submittedAt());
		}

	}

	public record Comment(String author, String body, int iteration, Instant at) {

		static Comment of(ReviewComment comment) {
			return new Comment(comment.authorName(), comment.body(), comment.iteration(), comment.createdAt());
		}

	}

}
