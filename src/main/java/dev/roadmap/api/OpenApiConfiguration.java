package dev.roadmap.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's OpenAPI 3.1 description, served at {@code /v3/api-docs} (and browsable at
 * {@code /swagger-ui.html}), drawn from the controllers; a test keeps the copy in
 * {@code docs/openapi.json} equal to it, so a change to the API shows in review. Every
 * operation documents its errors as problems ({@code application/problem+json}), and
 * every operation but the public roadmap's needs the bearer token.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String TOKEN = "token";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = "application/problem+json";

	@Bean
	OpenAPI roadmapOpenApi() {
		return new OpenAPI().info(new Info().title("Backend Roadmap API")
			.version("v1")
			.description("Your progress on the backend roadmap, for your own scripts and tools. Authenticate with a "
					+ "personal access token made on your account page: `Authorization: Bearer brt_...`. Every "
					+ "error is an RFC 9457 problem whose `type` is stable."))
			.servers(List.of(new Server().url("/")))
			.components(new Components().addSecuritySchemes(TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal access token, with the scopes the operation names")));
	}

	/**
	 * Adds to every operation its problem answers and, outside the public roadmap, the
	 * token it needs.
	 */
	@Bean
	OpenApiCustomizer problemsAndTokens() {
		return (openApi) -> {
			// Here, not only on the bean above: the components springdoc builds from the
			// controllers replace that bean's schemas.
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
				operation.getResponses()
					.addApiResponse("4XX", new ApiResponse().description("A problem: see its type")
						.content(new Content().addMediaType(PROBLEM_JSON,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
				if (!path.startsWith("/api/v1/stages")) {
					operation.addSecurityItem(new SecurityRequirement().addList(TOKEN));
				}
			}));
		};
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem")
			.properties(Map.of("type", new StringSchema().description("Stable: urn:backend-roadmap:problem:..."),
					"title", new StringSchema(), "status", new IntegerSchema(), "detail", new StringSchema(),
					"instance", new StringSchema().description("The path that was asked for"), "errors",
					new MapSchema().additionalProperties(new StringSchema())
						.description("Messages by field, for invalid input")))
			.required(List.of("type", "title", "status"));
	}

}
