package com.notalabel.music.upload;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.ProblemResponseWriter;
import com.notalabel.shared.web.Problems;

/**
 * Has the client of an upload whose body could not be read get the upload's own problem
 * ({@code upload.body_timeout}, {@code upload.body_truncated}) rather than the error
 * page's generic one.
 *
 * <p>
 * When a read of a request body times out or meets the end of the connection, Tomcat
 * marks the response failed itself (408 for a timeout, 400 otherwise) and suspends it
 * before the exception reaches the application: what the exception handler writes then is
 * dropped, and the container's error page answers, knowing only the status.
 * {@link TrackUploads} leaves its problem on the request, and this filter, mapped to the
 * error page's dispatch only, writes it there instead.
 */
final class UploadBodyProblems implements Filter {

	private static final String ATTRIBUTE = UploadBodyProblems.class.getName() + ".problem";

	private final ProblemResponseWriter writer;

	UploadBodyProblems(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	/**
	 * Keeps an upload's problem for the error page, in case the container answers through
	 * it.
	 * @param request the upload
	 * @param problem its problem
	 * @return the same problem, to throw
	 */
	static ProblemException remember(HttpServletRequest request, ProblemException problem) {
		request.setAttribute(ATTRIBUTE, problem);
		return problem;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request.getAttribute(ATTRIBUTE) instanceof ProblemException failure
				&& request instanceof HttpServletRequest httpRequest
				&& response instanceof HttpServletResponse httpResponse && !response.isCommitted()) {
			ProblemDetail problem = Problems.create(failure.status(), failure.code(), failure.detail());
			if (failure.title() != null) {
				problem.setTitle(failure.title());
			}
			failure.properties().forEach(problem::setProperty);
			failure.headers().forEach(httpResponse::setHeader);
			this.writer.write(httpRequest, httpResponse, problem);
			return;
		}
		chain.doFilter(request, response);
	}

}
