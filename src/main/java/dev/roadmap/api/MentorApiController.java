package dev.roadmap.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.roadmap.account.AccountPrincipal;
import dev.roadmap.api.ProgressApiController.Counts;
import dev.roadmap.api.ProgressApiController.MyProgress;
import dev.roadmap.api.ReviewApiController.CommentBody;
import dev.roadmap.api.ReviewApiController.Review;
import dev.roadmap.api.TokenAuthenticationFilter.TokenAuthenticated;
import dev.roadmap.mentoring.CohortMember;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.mentoring.MentorDashboard;
import dev.roadmap.progress.ProgressService;
import dev.roadmap.progress.review.Claim;
import dev.roadmap.progress.review.ReviewDecisions;
import dev.roadmap.progress.review.ReviewQueue;
import dev.roadmap.progress.review.ReviewService;
import dev.roadmap.progress.review.ReviewState;
import dev.roadmap.progress.review.SkillReview;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;
import dev.roadmap.shared.RefusedInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A mentor's side of the API, as the mentor pages have it: their active cohorts, their
 * learners (sorted, filtered, paged as the table is), one learner's progress, the review
 * queue, and the review actions with the pages' claim rules. A learner the mentor does
 * not mentor, and a review that does not exist, are answered 404, as if they did not
 * exist. Every action is also written to the audit log, naming the token
 * ({@link MentorReviewActions}).
 */
@RestController
@Tag(name = "Mentoring",
		description = "Your cohorts, learners and review queue: scopes mentoring:read and " + "mentoring:write")
@RequestMapping(path = "/api/v1/mentor", produces = MediaType.APPLICATION_JSON_VALUE)
class MentorApiController {

	private static final String REVIEW = "/reviews/{learnerId}/{stage}/{skill}";

	private static final String IDEMPOTENT = "Any unique string; a retry with the same key gets the first answer again";

	private final CohortService cohorts;

	private final MentorDashboard dashboard;

	private final ReviewQueue queue;

	private final ReviewService reviews;

	private final ReviewDecisions decisions;

	private final ProgressService progress;

	private final RoadmapService roadmap;

	private final MentorReviewActions actions;

	MentorApiController(CohortService cohorts, MentorDashboard dashboard, ReviewQueue queue, ReviewService reviews,
			ReviewDecisions decisions, ProgressService progress, RoadmapService roadmap, MentorReviewActions actions) {
		this.cohorts = cohorts;
		this.dashboard = dashboard;
		this.queue = queue;
		this.reviews = reviews;
		this.decisions = decisions;
		this.progress = progress;
		this.roadmap = roadmap;
		this.actions = actions;
	}

	/**
	 * The mentor's active cohorts, by name: a handful, so the whole list.
	 */
	@Operation(summary = "Your active cohorts, by name (mentoring:read)")
	@GetMapping("/cohorts")
	CohortList cohorts(Authentication authentication) {
		return new CohortList(this.cohorts.cohortsMentoredBy(mentor(authentication).id())
			.stream()
			.map((cohort) -> new CohortJson(cohort.id(), cohort.name()))
			.toList());
	}

	@Operation(summary = "Your learners with their progress, as the mentor page's table (mentoring:read)")
	@GetMapping("/learners")
	ApiPage<LearnerRow> learners(Authentication authentication,
			@Parameter(description = "One of your cohorts' ids; 0 for all of them") @RequestParam(
					defaultValue = "0") long cohort,
			@RequestParam(defaultValue = "NAME") MentorDashboard.Sort sort,
			@Parameter(description = "asc or desc") @RequestParam(defaultValue = "asc") String dir,
			@Parameter(description = "Only the learners who look stuck") @RequestParam(
					defaultValue = "false") boolean stuck,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "25") int size) {
		long mentorId = mentor(authentication).id();
		ApiPage.requireValid(page, size);
		if (!"asc".equals(dir) && !"desc".equals(dir)) {
			throw new RefusedInputException("dir", "api.dirInvalid");
		}
		requireMentoredCohort(mentorId, cohort);
		return ApiPage.of(this.dashboard.learners(mentorId, cohort, sort, "desc".equals(dir), stuck, page, size),
				LearnerRow::of);
	}

	@Operation(summary = "One of your learners' progress overall, per stage and per skill (mentoring:read)")
	@GetMapping("/learners/{learnerId}")
	LearnerProgress learner(Authentication authentication, @PathVariable long learnerId) {
		CohortMember learner = mentee(mentor(authentication), learnerId);
		return new LearnerProgress(learner.userId(), learner.displayName(),
				MyProgress.of(this.roadmap, this.progress.statusesAndReviewsOf(learnerId), learnerId));
	}

	@Operation(summary = "The review requests waiting for you, oldest first or by learner (mentoring:read)")
	@GetMapping("/queue")
	ApiPage<QueueItem> queue(Authentication authentication,
			@Parameter(description = "One of your cohorts' ids; 0 for all of them") @RequestParam(
					defaultValue = "0") long cohort,
			@Parameter(description = "A stage's slug, to show its requests alone") @RequestParam(
					required = false) String stage,
			@Parameter(description = "A skill's key (stage/skill), to show its requests alone") @RequestParam(
					required = false) String skill,
			@Parameter(description = "Only the requests you have claimed or acted on") @RequestParam(
					defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "WAITING") ReviewQueue.Order sort, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "25") int size) {
		long mentorId = mentor(authentication).id();
		ApiPage.requireValid(page, size);
		requireMentoredCohort(mentorId, cohort);
		if (stage != null && this.roadmap.stage(stage).isEmpty()) {
			throw new RefusedInputException("stage", "api.stageUnknown", stage);
		}
		long skillId = (skill != null) ? skillId(skill) : 0;
		ReviewQueue.Filter filter = new ReviewQueue.Filter(cohort, stage, skillId, mine, sort);
		return ApiPage.of(this.queue.waiting(mentorId, filter, page, size), QueueItem::of);
	}

	/**
	 * A learner's review as the mentor's review page shows it, with who holds its claim.
	 * Unlike opening the page, reading it does not keep the mentor's claim alive: a GET
	 * changes nothing.
	 */
	@Operation(summary = "A review of one of your learners: iterations, conversation, claim (mentoring:read)")
	@GetMapping(REVIEW)
	MentorReview review(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		return mentorReview(reviewed);
	}

	/**
	 * Claims the waiting request: the right to decide on it. A request another mentor
	 * holds is answered 409, naming them; claiming one's own claim again keeps it alive.
	 */
	@Operation(summary = "Claim a waiting request (mentoring:write); 409 if another mentor holds it",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = IDEMPOTENT))
	@PostMapping(REVIEW + "/claim")
	MentorReview claim(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		Claim claim = this.actions.claim(token(authentication), reviewed.learner(), reviewed.skill());
		if (!claim.heldBy(reviewed.mentor().id())) {
			throw new ClaimedByAnotherException(claim.mentorName());
		}
		return mentorReview(reviewed);
	}

	@Operation(summary = "Release your claim (mentoring:write); releasing none changes nothing",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = IDEMPOTENT))
	@PostMapping(REVIEW + "/release")
	MentorReview release(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		this.actions.release(token(authentication), reviewed.learner(), reviewed.skill());
		return mentorReview(reviewed);
	}

	/**
	 * Approves the iteration named, which must be the one waiting, of a request the
	 * mentor holds the claim of (409 otherwise): the pages' rule that no decision is made
	 * on evidence the mentor did not see.
	 */
	@Operation(summary = "Approve the waiting iteration you name, with an optional comment (mentoring:write)",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = IDEMPOTENT))
	@PostMapping(path = REVIEW + "/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
	MentorReview approve(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill, @RequestBody DecisionBody body) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		this.actions.approve(token(authentication), reviewed.learner(), reviewed.skill(),
				DecisionBody.iterationOf(body), body.comment());
		return mentorReview(reviewed);
	}

	@Operation(summary = "Ask for changes to the waiting iteration you name, saying what (mentoring:write)",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = IDEMPOTENT))
	@PostMapping(path = REVIEW + "/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
	MentorReview requestChanges(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill, @RequestBody DecisionBody body) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		this.actions.requestChanges(token(authentication), reviewed.learner(), reviewed.skill(),
				DecisionBody.iterationOf(body), body.comment());
		return mentorReview(reviewed);
	}

	@Operation(summary = "Write in the review's conversation while it is open, claimed or not (mentoring:write)",
			parameters = @Parameter(in = ParameterIn.HEADER, name = IdempotencyKeys.HEADER, description = IDEMPOTENT))
	@PostMapping(path = REVIEW + "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	MentorReview comment(Authentication authentication, @PathVariable long learnerId, @PathVariable String stage,
			@PathVariable String skill, @RequestBody CommentBody body) {
		Reviewed reviewed = reviewed(mentor(authentication), learnerId, stage, skill);
		this.actions.comment(token(authentication), reviewed.learner(), reviewed.skill(),
				(body != null) ? body.body() : null);
		return mentorReview(reviewed);
	}

	private MentorReview mentorReview(Reviewed reviewed) {
		long learnerId = reviewed.learner().userId();
		SkillReview review = this.reviews.reviewOf(learnerId, reviewed.skill().id());
		ClaimJson claim = this.decisions.claimOf(learnerId, reviewed.skill().id()).map(ClaimJson::of).orElse(null);
		return new MentorReview(learnerId, reviewed.learner().displayName(), reviewed.skill().key(), Review.of(review),
				claim);
	}

	/**
	 * The learner, the skill and the mentor of a review route, if the mentor mentors the
	 * learner, the skill exists and the learner has a review of it; else 404.
	 */
	private Reviewed reviewed(AccountPrincipal mentor, long learnerId, String stage, String skill) {
		CohortMember learner = mentee(mentor, learnerId);
		Skill found = this.roadmap.skill(stage, skill)
			.orElseThrow(() -> notFound("No skill '" + stage + "/" + skill + "'."));
		if (this.reviews.reviewOf(learnerId, found.id()).state() == ReviewState.NONE) {
			throw notFound("No review of " + found.key() + " by this learner.");
		}
		return new Reviewed(mentor, learner, found);
	}

	/**
	 * The id of the skill with this key ({@code stage/skill}); refused if there is none.
	 */
	private long skillId(String key) {
		int slash = key.indexOf('/');
		Optional<Skill> skill = (slash > 0) ? this.roadmap.skill(key.substring(0, slash), key.substring(slash + 1))
				: Optional.empty();
		return skill.map(Skill::id).orElseThrow(() -> new RefusedInputException("skill", "api.skillUnknown", key));
	}

	private CohortMember mentee(AccountPrincipal mentor, long learnerId) {
		return this.cohorts.menteeOf(mentor.id(), learnerId)
			.orElseThrow(() -> notFound("No learner " + learnerId + " in your cohorts."));
	}

	private void requireMentoredCohort(long mentorId, long cohort) {
		if (cohort != 0 && this.cohorts.cohortsMentoredBy(mentorId).stream().noneMatch((c) -> c.id() == cohort)) {
			throw notFound("No cohort " + cohort + " of yours.");
		}
	}

	private static AccountPrincipal mentor(Authentication authentication) {
		return (AccountPrincipal) authentication.getPrincipal();
	}

	private static TokenAuthenticated token(Authentication authentication) {
		return (TokenAuthenticated) authentication;
	}

	private static ResponseStatusException notFound(String detail) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, detail);
	}

	private record Reviewed(AccountPrincipal mentor, CohortMember learner, Skill skill) {
	}

	public record CohortList(List<CohortJson> items) {
	}

	public record CohortJson(long id, String name) {
	}

	/**
	 * @param lastActivity the learner's last status change or review action, or their
	 * enrolment if they have none
	 * @param stages progress per stage, by slug
	 */
	public record LearnerRow(long id, String name, Counts overall, int verified, Instant lastActivity, boolean stuck,
			Map<String, Counts> stages) {

		static LearnerRow of(MentorDashboard.Row row) {
			return new LearnerRow(row.id(), row.name(), Counts.of(row.overall()), row.verified(), row.lastActivity(),
					row.stuck(),
					row.stages()
						.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> Counts.of(entry.getValue()))));
		}

	}

	public record LearnerProgress(long id, String name, MyProgress progress) {
	}

	/**
	 * @param cohorts the names of your cohorts the learner is in, joined by commas
	 * @param claimedBy who holds a live claim on it, or null
	 * @param overdue whether it has waited longer than the site's review time
	 */
	public record QueueItem(long learnerId, String learnerName, String skill, String skillTitle, String cohorts,
			Instant requestedAt, ClaimJson claimedBy, boolean overdue) {

		static QueueItem of(ReviewQueue.Item item) {
			return new QueueItem(item.learnerId(), item.learnerName(), item.stageSlug() + "/" + item.skillSlug(),
					item.skillTitle(), item.cohorts(), item.requestedAt(),
					(item.claimedById() != null) ? new ClaimJson(item.claimedById(), item.claimedByName(), null) : null,
					item.overdue());
		}

	}

	/**
	 * @param claimedAt when the claim was made (null in the queue's list)
	 */
	public record ClaimJson(long mentorId, String mentorName, Instant claimedAt) {

		static ClaimJson of(Claim claim) {
			return new ClaimJson(claim.mentorId(), claim.mentorName(), claim.claimedAt());
		}

	}

	/**
	 * @param claim the live claim on it, or null
	 */
	public record MentorReview(long learnerId, String learnerName, String skill, Review review, ClaimJson claim) {
	}

	/**
	 * @param iteration the number of the iteration decided on: the one waiting
	 */
	public record DecisionBody(Integer iteration, String comment) {

		/**
		 * The iteration decided on; refused if the body names none.
		 */
		static int iterationOf(DecisionBody body) {
			if (body == null || body.iteration() == null) {
				throw new RefusedInputException("iteration", "api.iterationRequired");
			}
			return body.iteration();
		}

	}

}
