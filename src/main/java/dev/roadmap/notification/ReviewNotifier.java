package dev.roadmap.notification;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import dev.roadmap.account.Account;
import dev.roadmap.account.AccountService;
import dev.roadmap.mentoring.CohortService;
import dev.roadmap.progress.review.ReviewActivity;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns every review action into notifications for the people involved, inside the
 * review's transaction: a review request or a new iteration, a learner's comment and a
 * withdrawn verification go to the mentors of the learner's active cohorts; a mentor's
 * comment or decision goes to the learner. Nobody is notified of what they did themself.
 */
@Component
class ReviewNotifier {

	private final JdbcClient jdbc;

	private final CohortService cohorts;

	private final AccountService accounts;

	private final RoadmapService roadmap;

	private final ApplicationEventPublisher events;

	ReviewNotifier(JdbcClient jdbc, CohortService cohorts, AccountService accounts, RoadmapService roadmap,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.cohorts = cohorts;
		this.accounts = accounts;
		this.roadmap = roadmap;
		this.events = events;
	}

	@EventListener
	void on(ReviewActivity activity) {
		SortedSet<Long> recipients = new TreeSet<>(recipientsOf(activity));
		recipients.remove(activity.actorId());
		if (recipients.isEmpty()) {
			return;
		}
		NotificationKind kind = NotificationKind.of(activity.action());
		String actorName = this.accounts.findById(activity.actorId())
			.map(Account::displayName)
			.orElseThrow(() -> new IllegalStateException("No account " + activity.actorId()));
		for (long recipient : recipients) {
			String link = (recipient == activity.learnerId()) ? learnerLink(activity) : mentorLink(activity);
			long id = this.jdbc.sql("""
					insert into notification (user_id, kind, learner_id, skill_id, actor_name, skill_title, link)
					values (:user, :kind, :learner, :skill, :actorName, :skillTitle, :link) returning id""")
				.param("user", recipient)
				.param("kind", kind.name())
				.param("learner", activity.learnerId())
				.param("skill", activity.skillId())
				.param("actorName", actorName)
				.param("skillTitle", activity.skillTitle())
				.param("link", link)
				.query(Long.class)
				.single();
			this.events.publishEvent(new NotificationCreated(id, recipient, activity.learnerId(), kind, actorName,
					activity.skillTitle()));
		}
	}

	private Set<Long> recipientsOf(ReviewActivity activity) {
		return switch (activity.action()) {
			case REQUESTED, RESUBMITTED, UNVERIFIED -> this.cohorts.mentorIdsOf(activity.learnerId());
			case COMMENTED ->
				activity.byLearner() ? this.cohorts.mentorIdsOf(activity.learnerId()) : Set.of(activity.learnerId());
			case CHANGES_REQUESTED, APPROVED -> Set.of(activity.learnerId());
		};
	}

	/**
	 * Mentors go to the review itself.
	 */
	private static String mentorLink(ReviewActivity activity) {
		return "/mentor/reviews/" + activity.learnerId() + "/" + activity.skillId();
	}

	/**
	 * Learners go to the skill on its stage page, where they see the review; a skill
	 * retired since leads to the roadmap.
	 */
	private String learnerLink(ReviewActivity activity) {
		return this.roadmap.skill(activity.skillId()).map(ReviewNotifier::skillLink).orElse("/");
	}

	private static String skillLink(Skill skill) {
		return "/stages/" + skill.stageSlug() + "#skill-" + skill.slug();
	}

}
