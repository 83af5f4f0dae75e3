package dev.roadmap.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * What a request may carry ({@code roadmap.web.*}).
 *
 * @param maxRequestSize larger request bodies are refused with 413
 */
@ConfigurationProperties("roadmap.web")
public record RequestLimits(@DefaultValue("256KB") DataSize maxRequestSize) {

	public RequestLimits {
		Assert.isTrue(maxRequestSize.toBytes() > 0, "roadmap.web.max-request-size must be positive");
	}

}
