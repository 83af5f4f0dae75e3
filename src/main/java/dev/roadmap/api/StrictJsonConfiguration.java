package dev.roadmap.api;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API's JSON bodies are read strictly (they are the only JSON the app reads through
 * Spring's mapper), so a client's mistake is refused with words instead of stored as
 * something it did not mean: an unknown field (a typo such as {@code "staus"}) is an
 * error, not ignored; an enum is its name, never its index; a number is not taken for a
 * string nor a string for a number; and a string may not hold a NUL, which PostgreSQL
 * cannot store and no one types.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictJson() {
		return (builder) -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.withCoercionConfig(LogicalType.Textual,
					(text) -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
						.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
			.addModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new TextWithoutNul()));
	}

	/**
	 * A string as Jackson reads it, refused if it holds a NUL.
	 */
	static final class TextWithoutNul extends StringDeserializer {

		static final String HOLDS_NUL = "holds a NUL character";

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String text = super.deserialize(parser, context);
			if (text != null && text.indexOf('\0') >= 0) {
				return (String) context.handleWeirdStringValue(String.class, text, HOLDS_NUL);
			}
			return text;
		}

	}

}
