package dev.roadmap.notification.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.roadmap.mentoring.LearnerLooksStuck;
import dev.roadmap.notification.WebhookEvent;
import dev.roadmap.progress.SkillStatusChanged;
import dev.roadmap.progress.review.ReviewAction;
import dev.roadmap.progress.review.ReviewActivity;
import dev.roadmap.roadmap.RoadmapService;
import dev.roadmap.roadmap.Skill;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The other modules' events, as webhook events: each listened to in the transaction that
 * publishes it, so its deliveries commit or roll back with it.
 */
@Component
class WebhookEventListener {

	private final WebhookOutbox outbox;

	private final RoadmapService roadmap;

	WebhookEventListener(WebhookOutbox outbox, RoadmapService roadmap) {
		this.outbox = outbox;
		this.roadmap = roadmap;
	}

	@EventListener
	void on(SkillStatusChanged change) {
		Map<String, Object> data = skill(change.skillId());
		data.put("from", change.from().name());
		data.put("to", change.to().name());
		this.outbox.enqueue(WebhookEvent.SKILL_STATUS_CHANGED, change.userId(), 0, data);
	}

	@EventListener
	void on(ReviewActivity activity) {
		WebhookEvent event = eventOf(activity.action());
		if (event == null) {
			return;
		}
		Map<String, Object> data = skill(activity.skillId());
		data.put("action", activity.action().name());
		this.outbox.enqueue(event, activity.learnerId(), activity.byLearner() ? 0 : activity.actorId(), data);
	}

	@EventListener
	void on(LearnerLooksStuck stuck) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("inactiveDays", stuck.inactiveDays());
		this.outbox.enqueue(WebhookEvent.LEARNER_STUCK, stuck.learnerId(), 0, data);
	}

	/**
	 * The webhook event of a review action; none for a withdrawn approval, which the
	 * status change it comes with already tells.
	 */
	private static WebhookEvent eventOf(ReviewAction action) {
		switch (action) {
			case REQUESTED:
			case RESUBMITTED:
				return WebhookEvent.REVIEW_REQUESTED;
			case COMMENTED:
				return WebhookEvent.REVIEW_COMMENTED;
			case APPROVED:
			case CHANGES_REQUESTED:
				return WebhookEvent.REVIEW_DECIDED;
			default:
				return null;
		}
	}

	private Map<String, Object> skill(long skillId) {
		Map<String, Object> data = new LinkedHashMap<>();
		this.roadmap.skill(skillId)
			.ifPresentOrElse((skill) -> data.put("skill", skillJson(skill)),
					() -> data.put("skill", Map.of("id", skillId)));
		return data;
	}

	private static Map<String, Object> skillJson(Skill skill) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", skill.key());
		json.put("title", skill.title());
		return json;
	}

}
