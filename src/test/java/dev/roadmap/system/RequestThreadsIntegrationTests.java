package dev.roadmap.system;

import java.util.Map;

import dev.roadmap.test.RoadmapIntegrationTest;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server runs a few request threads per core, unless told otherwise.
 */
@RoadmapIntegrationTest
class RequestThreadsIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theServerRunsAFewRequestThreadsPerCore() {
		TomcatWebServer server = (TomcatWebServer) this.context.getWebServer();
		AbstractProtocol<?> protocol = (AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler();

		assertThat(protocol.getMaxThreads())
			.isEqualTo(RequestThreads.PER_CORE * Runtime.getRuntime().availableProcessors())
			.isLessThan(200);
	}

	@Test
	void aThreadCountSetInTheConfigurationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of(RequestThreads.MAX_THREADS, "64")));

		new RequestThreads().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RequestThreads.MAX_THREADS, Integer.class)).isEqualTo(64);
	}

	@Test
	void withoutOneTheDefaultIsAFewPerCore() {
		StandardEnvironment environment = new StandardEnvironment();

		new RequestThreads().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty(RequestThreads.MAX_THREADS, Integer.class))
			.isEqualTo(RequestThreads.PER_CORE * Runtime.getRuntime().availableProcessors());
	}

}
