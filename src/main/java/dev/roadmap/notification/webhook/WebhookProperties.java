package dev.roadmap.notification.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How webhooks are delivered ({@code roadmap.webhooks.*}).
 *
 * @param pollInterval how often each instance looks for deliveries that are due
 * @param timeout how long a receiver has to connect and to answer
 * @param firstRetry the wait after a first failed try; each further one waits twice as
 * long (at most {@link #MAX_WAIT})
 * @param maxAttempts how many tries before a delivery is given up
 */
@ConfigurationProperties("roadmap.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration timeout,
		@DefaultValue("30s") Duration firstRetry, @DefaultValue("8") int maxAttempts) {

	/** The longest wait between tries, and the longest an endpoint rests. */
	public static final Duration MAX_WAIT = Duration.ofHours(6);

	public WebhookProperties {
		Assert.isTrue(timeout.toMillis() > 0, "roadmap.webhooks.timeout must be positive");
		Assert.isTrue(firstRetry.toMillis() > 0, "roadmap.webhooks.first-retry must be positive");
		Assert.isTrue(maxAttempts > 0, "roadmap.webhooks.max-attempts must be positive");
	}

	/**
	 * The wait after this many failures in a row (from 1): the first retry, doubled for
	 * each one after it, at most {@link #MAX_WAIT}.
	 */
	public Duration waitAfter(int failures) {
		int doublings = Math.min(Math.max(failures - 1, 0), 20);
		Duration wait = this.firstRetry.multipliedBy(1L << doublings);
		return (wait.compareTo(MAX_WAIT) > 0) ? MAX_WAIT : wait;
	}

}
