package dev.roadmap.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The API's settings ({@code roadmap.api.*}).
 *
 * @param requestsPerMinute how many requests one token may make a minute (in bursts of up
 * to that many), per instance
 */
@ConfigurationProperties("roadmap.api")
record ApiProperties(@DefaultValue("600") int requestsPerMinute) {
}
