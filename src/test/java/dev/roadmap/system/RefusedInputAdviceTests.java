package dev.roadmap.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.roadmap.shared.Flash;
import dev.roadmap.shared.OnRefusal;
import dev.roadmap.shared.RefusedInputException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * How the one advice answers refused input, whatever the controller: the problems on the
 * action's form, the page the action named in the action's own model with 400, and the
 * few other answers an action may name.
 */
class RefusedInputAdviceTests {

	private final MockMvc mvc = mvc();

	@Test
	void aRefusedFieldIsTheFormsErrorOnThePageAgainWith400() throws Exception {
		this.mvc.perform(post("/form").param("email", "ada@example.com"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("form-page"))
			.andExpect(model().attributeHasFieldErrorCode("form", "email", "email.taken"))
			.andExpect(model().attribute("form", new Form("ada@example.com")))
			.andExpect(model().attribute("before", "added before the refusal"));
	}

	@Test
	void theRefusalsArgumentsGoWithTheFieldError() throws Exception {
		this.mvc.perform(post("/form").param("email", "x").param("max", "3"))
			.andExpect(status().isBadRequest())
			.andExpect((result) -> {
				BindingResult form = (BindingResult) result.getModelAndView()
					.getModel()
					.get(BindingResult.MODEL_KEY_PREFIX + "form");
				assertThat(form.getFieldError("email").getArguments()).containsExactly(3);
			});
	}

	@Test
	void aPageWithoutAFormShowsTheProblemsItself() throws Exception {
		this.mvc.perform(post("/comment"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("comment-page"))
			.andExpect(model().attribute("errors", Map.of("", "comment.closed")));
	}

	@Test
	void aPageWithAStatusOfItsOwnKeepsIt() throws Exception {
		this.mvc.perform(post("/gone")).andExpect(status().isGone()).andExpect(view().name("gone-page"));
	}

	@Test
	void aRefusalTheActionRedirectsSeesOtherWithItsFlash() throws Exception {
		this.mvc.perform(post("/redirected"))
			.andExpect(status().isSeeOther())
			.andExpect(redirectedUrl("/somewhere"))
			.andExpect(flash().attribute("flash", Flash.of("flash.claimFirst")));
	}

	@Test
	void aPageThatIsNotFoundAnswers404() throws Exception {
		this.mvc.perform(post("/not-found")).andExpect(status().isNotFound());
	}

	@Test
	void anActionThatNamesNoPageAnswers400() throws Exception {
		this.mvc.perform(post("/no-page")).andExpect(status().isBadRequest());
	}

	private static MockMvc mvc() {
		List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>();
		RefusedInputAdvice advice = new RefusedInputAdvice();
		advice.addArgumentResolvers(resolvers);
		return MockMvcBuilders.standaloneSetup(new Actions())
			.setControllerAdvice(advice)
			.setCustomArgumentResolvers(resolvers.toArray(HandlerMethodArgumentResolver[]::new))
			.build();
	}

	record Form(String email) {
	}

	/**
	 * Actions whose "service" always refuses. (A test's nested class: the application's
	 * scan leaves it out.)
	 */
	@Controller
	static class Actions {

		@PostMapping("/form")
		View form(@ModelAttribute("form") Form form, BindingResult result, Model model,
				@RequestParam(required = false) Integer max, OnRefusal onRefusal) {
			model.addAttribute("before", "added before the refusal");
			onRefusal.show(() -> "form-page");
			if (max != null) {
				throw new RefusedInputException("email", "email.tooLong", max);
			}
			throw new RefusedInputException("email", "email.taken");
		}

		@PostMapping("/comment")
		View comment(Model model, OnRefusal onRefusal) {
			onRefusal.show((refusal) -> {
				model.addAttribute("errors", refusal.problems());
				return "comment-page";
			});
			throw new RefusedInputException(RefusedInputException.WHOLE_FORM, "comment.closed");
		}

		@PostMapping("/gone")
		View gone(OnRefusal onRefusal) {
			onRefusal.show(() -> new ModelAndView("gone-page", HttpStatus.GONE));
			throw new RefusedInputException(RefusedInputException.WHOLE_FORM, "link.invalid");
		}

		@PostMapping("/redirected")
		View redirected(OnRefusal onRefusal) {
			onRefusal.seeOther(ClaimRequired.class, "/somewhere", "flash.claimFirst");
			onRefusal.show(() -> "not-this-page");
			throw new ClaimRequired();
		}

		@PostMapping("/not-found")
		View notFound(OnRefusal onRefusal) {
			onRefusal.show(() -> {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such thing");
			});
			throw new RefusedInputException(RefusedInputException.WHOLE_FORM, "thing.notFound");
		}

		@PostMapping("/no-page")
		View noPage() {
			throw new RefusedInputException(RefusedInputException.WHOLE_FORM, "anything");
		}

	}

	static class ClaimRequired extends RefusedInputException {

		ClaimRequired() {
			super(WHOLE_FORM, "claim.required");
		}

	}

}
