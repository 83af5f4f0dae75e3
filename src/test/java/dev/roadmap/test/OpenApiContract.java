package dev.roadmap.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks API answers against the OpenAPI description checked in as
 * {@code docs/openapi.json}: the operation is described, the status is one of its
 * responses, the content type one of that response's, and the body fits its schema (the
 * part of JSON Schema the description uses: {@code $ref}, {@code type},
 * {@code properties}, {@code required}, {@code items}, {@code additionalProperties},
 * {@code enum}, {@code format: date-time}). A field the schema does not name is a
 * problem, so is a value of another type; a null is taken for an absent optional field,
 * as springdoc marks no field nullable. Keeps which operations were checked, so a test
 * can require them all.
 */
public final class OpenApiContract {

	private final JsonNode description;

	private final Map<String, Pattern> templates = new LinkedHashMap<>();

	private final Set<String> checked = new TreeSet<>();

	private OpenApiContract(JsonNode description) {
		this.description = description;
		description.get("paths")
			.propertyNames()
			.forEach((template) -> this.templates.put(template,
					Pattern.compile(template.replaceAll("\\{[^/]+}", "[^/]+"))));
	}

	public static OpenApiContract of(JsonMapper json, Path file) throws IOException {
		return new OpenApiContract(json.readTree(Files.readString(file)));
	}

	/**
	 * Every described operation, as {@code GET /api/v1/me}.
	 */
	public Set<String> operations() {
		Set<String> operations = new TreeSet<>();
		this.description.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.propertyNames()
				.forEach((method) -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
		return operations;
	}

	/**
	 * The operations an answer with a 2xx status was checked for.
	 */
	public Set<String> checkedWithSuccess() {
		return new TreeSet<>(this.checked);
	}

	/**
	 * What does not fit the description in this answer to a request of the method to the
	 * address; empty if it fits.
	 */
	public List<String> problems(String method, URI uri, HttpResponse<String> response, JsonMapper json) {
		List<String> problems = new ArrayList<>();
		String template = template(uri.getPath());
		JsonNode operation = (template != null)
				? this.description.get("paths").get(template).get(method.toLowerCase(Locale.ROOT)) : null;
		if (operation == null) {
			problems.add(method + " " + uri.getPath() + " is not described");
			return problems;
		}
		String status = Integer.toString(response.statusCode());
		JsonNode responses = operation.get("responses");
		JsonNode described = responses.has(status) ? responses.get(status) : responses.has(status.charAt(0) + "XX")
				? responses.get(status.charAt(0) + "XX") : responses.get("default");
		if (described == null) {
			problems.add(method + " " + template + ": status " + status + " is not described");
			return problems;
		}
		if (response.statusCode() / 100 == 2) {
			this.checked.add(method.toUpperCase(Locale.ROOT) + " " + template);
		}
		String contentType = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
		JsonNode content = described.get("content");
		if (content == null) {
			return problems;
		}
		if (!content.has(contentType)) {
			problems
				.add(method + " " + template + " " + status + ": content type '" + contentType + "' is not described");
			return problems;
		}
		validate(json.readTree(response.body()), content.get(contentType).get("schema"), "body", problems);
		return problems;
	}

	/**
	 * What does not fit the schema in the value; empty if it fits.
	 */
	public List<String> problems(JsonNode value, JsonNode schema) {
		List<String> problems = new ArrayList<>();
		validate(value, schema, "body", problems);
		return problems;
	}

	public JsonNode schema(String name) {
		return this.description.get("components").get("schemas").get(name);
	}

	private String template(String path) {
		String found = null;
		for (Map.Entry<String, Pattern> template : this.templates.entrySet()) {
			// The most literal template wins: /a/{x} over /{y}/{x}.
			if (template.getValue().matcher(path).matches()
					&& (found == null || variables(template.getKey()) < variables(found))) {
				found = template.getKey();
			}
		}
		return found;
	}

	private static long variables(String template) {
		return template.chars().filter((c) -> c == '{').count();
	}

	private void validate(JsonNode value, JsonNode schema, String where, List<String> problems) {
		JsonNode resolved = resolve(schema);
		if (resolved == null) {
			problems.add(where + ": the schema " + schema + " is not in the description");
			return;
		}
		Set<String> types = types(resolved);
		if (value.isNull()) {
			if (!types.contains("null")) {
				problems.add(where + ": null where the schema says " + types);
			}
			return;
		}
		if (types.contains("object") || (types.isEmpty() && resolved.has("properties"))) {
			object(value, resolved, where, problems);
		}
		else if (types.contains("array")) {
			if (!value.isArray()) {
				problems.add(where + ": not an array");
				return;
			}
			for (int i = 0; i < value.size(); i++) {
				validate(value.get(i), resolved.get("items"), where + "[" + i + "]", problems);
			}
		}
		else if (types.contains("string")) {
			string(value, resolved, where, problems);
		}
		else if (types.contains("integer") && !value.isIntegralNumber()) {
			problems.add(where + ": not a whole number: " + value);
		}
		else if (types.contains("number") && !value.isNumber()) {
			problems.add(where + ": not a number: " + value);
		}
		else if (types.contains("boolean") && !value.isBoolean()) {
			problems.add(where + ": not true or false: " + value);
		}
	}

	private void object(JsonNode value, JsonNode schema, String where, List<String> problems) {
		if (!value.isObject()) {
			problems.add(where + ": not an object: " + value);
			return;
		}
		JsonNode properties = schema.get("properties");
		JsonNode additional = schema.get("additionalProperties");
		value.properties().forEach((field) -> {
			String at = where + "." + field.getKey();
			if (properties != null && properties.has(field.getKey())) {
				if (!field.getValue().isNull()) {
					validate(field.getValue(), properties.get(field.getKey()), at, problems);
				}
			}
			else if (additional != null && additional.isObject()) {
				validate(field.getValue(), additional, at, problems);
			}
			else if (additional == null || !additional.asBoolean()) {
				problems.add(at + ": a field the schema does not name");
			}
		});
		JsonNode required = schema.get("required");
		if (required != null) {
			for (int i = 0; i < required.size(); i++) {
				String name = required.get(i).asString();
				if (!value.has(name) || value.get(name).isNull()) {
					problems.add(where + "." + name + ": required, missing");
				}
			}
		}
	}

	private static void string(JsonNode value, JsonNode schema, String where, List<String> problems) {
		if (!value.isString()) {
			problems.add(where + ": not a string: " + value);
			return;
		}
		JsonNode allowed = schema.get("enum");
		if (allowed != null) {
			boolean listed = false;
			for (int i = 0; i < allowed.size(); i++) {
				listed |= allowed.get(i).asString().equals(value.asString());
			}
			if (!listed) {
				problems.add(where + ": '" + value.asString() + "' is not one of " + allowed);
			}
		}
		if (schema.has("format") && schema.get("format").asString().equals("date-time")) {
			try {
				OffsetDateTime.parse(value.asString());
			}
			catch (DateTimeParseException ex) {
				problems.add(where + ": not a date-time: " + value.asString());
			}
		}
	}

	private static Set<String> types(JsonNode schema) {
		Set<String> types = new TreeSet<>();
		JsonNode type = schema.get("type");
		if (type != null && type.isArray()) {
			for (int i = 0; i < type.size(); i++) {
				types.add(type.get(i).asString());
			}
		}
		else if (type != null) {
			types.add(type.asString());
		}
		return types;
	}

	private JsonNode resolve(JsonNode schema) {
		if (schema == null || !schema.has("$ref")) {
			return schema;
		}
		String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
		return schema(name);
	}

}
