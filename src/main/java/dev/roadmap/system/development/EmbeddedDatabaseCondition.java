package dev.roadmap.system.development;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches the zero-configuration default: no database server configured.
 */
class EmbeddedDatabaseCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return context.getEnvironment().containsProperty("spring.datasource.url")
				? ConditionOutcome.noMatch("spring.datasource.url is set")
				: ConditionOutcome.match("no spring.datasource.url: using the embedded PostgreSQL");
	}

}
