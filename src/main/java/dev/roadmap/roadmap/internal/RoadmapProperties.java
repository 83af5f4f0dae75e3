package dev.roadmap.roadmap.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the roadmap content comes from ({@code roadmap.content}).
 *
 * @param content the content file, a Spring resource location ({@code classpath:...},
 * {@code file:...})
 */
@ConfigurationProperties("roadmap")
public record RoadmapProperties(@DefaultValue("classpath:roadmap/backend.yaml") Resource content) {

}
