package dev.roadmap.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The whole application with SMTP configured, sending to the in-process server of
 * {@link TestMail} (each test class registers {@code TestMail.server()}). Every class
 * with this annotation shares one application context, as {@link RoadmapIntegrationTest}s
 * do; the mail sender is a spy, so a test can make the server seem down.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "spring.mail.host=localhost", "roadmap.base-url=https://roadmap.example.org/",
		"roadmap.mail.from=Roadmap <roadmap@example.org>", "roadmap.mail.outbox-poll-interval=100ms" })
@AutoConfigureMockMvc
@ContextConfiguration(initializers = { TestDatabase.class, TestMail.Port.class })
@Import({ Learners.class, ReviewScenario.class })
@MockitoSpyBean(types = JavaMailSender.class)
public @interface MailIntegrationTest {

}
