package com.notalabel.shared.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight to the response, for the places that run outside Spring MVC's
 * message conversion: security filters and the error page.
 */
public final class ProblemResponseWriter {

	private final JsonMapper mapper;

	public ProblemResponseWriter(JsonMapper mapper) {
		this.mapper = mapper;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		Problems.complete(problem, request);
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.mapper.writeValue(response.getOutputStream(), asMap(problem));
	}

	/**
	 * The problem's body, completed from the request, for a writer that is not the
	 * response's output stream (Tomcat's error report).
	 * @param request the failed request
	 * @param problem the problem
	 * @return the JSON
	 */
	String render(HttpServletRequest request, ProblemDetail problem) {
		Problems.complete(problem, request);
		return this.mapper.writeValueAsString(asMap(problem));
	}

	/**
	 * The problem's body for a request the container refused before it became a servlet
	 * request (Jetty's error handler).
	 * @param problem the problem
	 * @param path the request's path as sent, if it has one
	 * @param requestId the request's id
	 * @return the JSON
	 */
	byte[] render(ProblemDetail problem, @Nullable String path, String requestId) {
		Problems.complete(problem, path, requestId);
		return this.mapper.writeValueAsBytes(asMap(problem));
	}

	static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", String.valueOf(problem.getType()));
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		if (problem.getDetail() != null) {
			body.put("detail", problem.getDetail());
		}
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		return body;
	}

}
