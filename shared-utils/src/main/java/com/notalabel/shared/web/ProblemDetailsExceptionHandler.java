package com.notalabel.shared.web;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.notalabel.shared.web.StorableParameters.UnstorableParameter;

/**
 * The one place where exceptions become problem+json. Details are written for the client;
 * what went wrong internally is logged with the request id and never sent.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class ProblemDetailsExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsExceptionHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> handleProblem(ProblemException ex, WebRequest request) {
		ProblemDetail problem = Problems.create(ex.status(), ex.code(), ex.detail());
		if (ex.title() != null) {
			problem.setTitle(ex.title());
		}
		ex.properties().forEach(problem::setProperty);
		HttpHeaders headers = new HttpHeaders();
		ex.headers().forEach(headers::set);
		return respond(problem, headers, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<Problems.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new Problems.FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		ProblemDetail problem = Problems.withErrors(
				Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values."), errors);
		return respond(problem, new HttpHeaders(), request);
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleIntegrityViolation(DataIntegrityViolationException ex, WebRequest request) {
		Optional<String> dataException = dataExceptionState(ex);
		if (dataException.isPresent()) {
			// SQLSTATE class 22: the value itself cannot be stored (a NUL, a date out of
			// PostgreSQL's range), whatever the stored data. The input checks should have
			// named the field; this is the net under them.
			log.warn("The database refused a value of the request (SQLSTATE {})", dataException.get());
			return respond(
					Problems.create(HttpStatus.BAD_REQUEST, "request.invalid",
							"A value in the request is out of range or has characters that cannot be stored."),
					new HttpHeaders(), request);
		}
		// Only the constraint's name is logged: PostgreSQL's message repeats the duplicated
		// value, which may be an e-mail address.
		log.info("Request conflicted with stored data ({})", violatedConstraint(ex));
		return respond(Problems.create(HttpStatus.CONFLICT, "resource.conflict",
				"The request conflicts with the current state of the resource."), new HttpHeaders(), request);
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ResponseEntity<Object> handleConcurrentModification(RuntimeException ex, WebRequest request) {
		return respond(
				Problems.create(HttpStatus.CONFLICT, "resource.modified",
						"The resource was changed by another request at the same time. Read it again and retry."),
				new HttpHeaders(), request);
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<Object> handleUnavailable(RuntimeException ex, WebRequest request) {
		log.error("A backing service is unavailable", ex);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		return respond(Problems.create(HttpStatus.SERVICE_UNAVAILABLE, "server.unavailable",
				"The service is temporarily unavailable. Please retry shortly."), headers, request);
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<Object> handleAuthentication(AuthenticationException ex, WebRequest request) {
		return respond(Problems.create(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", "Sign in to continue."),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, WebRequest request) {
		return respond(Problems.create(HttpStatus.FORBIDDEN, "auth.forbidden", "You are not allowed to do this."),
				new HttpHeaders(), request);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> handleMultipart(MultipartException ex, WebRequest request) {
		return handleUnexpected(ex, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		Optional<ProblemDetail> refused = ContainerRefusals.problemFor(ex);
		if (refused.isPresent()) {
			log.info("The container refused what the client sent ({})", ContainerRefusals.describe(ex));
			return respond(refused.get(), new HttpHeaders(), request);
		}
		if (ex instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
			// A framework or library exception that carries a client-error status of its own.
			ProblemDetail problem = Problems.create(response.getStatusCode(),
					Problems.codeFor(response.getStatusCode()), response.getBody().getDetail());
			return respond(problem, response.getHeaders(), request);
		}
		log.error("Unexpected failure", ex);
		return respond(Problems.create(HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
				"Something went wrong on our side. If it keeps happening, contact support with the request id."),
				new HttpHeaders(), request);
	}

	// ------------------------------------------------------------ framework exceptions

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.withErrors(
				Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values."),
				fieldErrors(ex.getBindingResult()));
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Problems.FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach((error) -> errors.add(new Problems.FieldError((name != null) ? name : "parameter",
						String.valueOf(error.getDefaultMessage()))));
		});
		ProblemDetail problem = Problems.withErrors(
				Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values."), errors);
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getMostSpecificCause();
		ProblemDetail problem;
		if (cause instanceof UnrecognizedPropertyException unknown) {
			problem = Problems.withErrors(
					Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has an unknown field."),
					List.of(new Problems.FieldError(JsonMergePatch.fieldOf(unknown, "body"),
							"is not a field of this request")));
		}
		else if (cause instanceof UnstorableText unstorable) {
			problem = Problems.withErrors(
					Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has invalid values."),
					List.of(new Problems.FieldError(JsonMergePatch.fieldOf(unstorable, "body"), StorableText.MESSAGE)));
		}
		else if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
			problem = Problems.withErrors(
					Problems.create(HttpStatus.BAD_REQUEST, "request.invalid",
							"The request has a value of the wrong type."),
					List.of(new Problems.FieldError(JsonMergePatch.fieldOf((JacksonException) cause, "body"),
							"has the wrong type or format")));
		}
		else if (cause instanceof StreamReadException duplicate && isDuplicateMember(duplicate)) {
			problem = Problems.withErrors(
					Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "The request has a field twice."),
					List.of(new Problems.FieldError(duplicateField(duplicate), "appears more than once")));
		}
		else if (cause instanceof StreamReadException) {
			problem = Problems.create(HttpStatus.BAD_REQUEST, "request.malformed",
					"The request body is not valid JSON.");
		}
		else {
			problem = Problems.create(HttpStatus.BAD_REQUEST, "request.malformed",
					"The request body is missing or cannot be read.");
		}
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		ProblemDetail problem = Problems.withErrors(
				Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "A required parameter is missing."),
				List.of(new Problems.FieldError(ex.getParameterName(), "is required")));
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.withErrors(
				Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "A required part is missing."),
				List.of(new Problems.FieldError(ex.getRequestPartName(), "is required")));
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String name = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		ProblemDetail problem = (ex.getCause() instanceof UnstorableParameter)
				? Problems.withErrors(
						Problems.create(HttpStatus.BAD_REQUEST, "request.invalid", "A parameter has an invalid value."),
						List.of(new Problems.FieldError(name, StorableText.MESSAGE)))
				: Problems.withErrors(
						Problems.create(HttpStatus.BAD_REQUEST, "request.invalid",
								"A parameter has the wrong type or format."),
						List.of(new Problems.FieldError(name, "has the wrong type or format")));
		return respond(problem, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.create(HttpStatus.NOT_FOUND, "resource.not_found", "Nothing is found at this address."),
				headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.create(HttpStatus.NOT_FOUND, "resource.not_found", "Nothing is found at this address."),
				headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpRequestMethodNotSupported(
			HttpRequestMethodNotSupportedException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.create(HttpStatus.METHOD_NOT_ALLOWED, "request.method_not_allowed",
				"This address does not accept " + ex.getMethod() + "."), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<MediaType> supported = ex.getSupportedMediaTypes();
		String detail = supported.isEmpty() ? "This content type is not accepted here."
				: "This content type is not accepted here; send one of " + MediaType.toString(supported) + ".";
		return respond(Problems.create(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.unsupported_media_type", detail),
				headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return respond(Problems.create(HttpStatus.NOT_ACCEPTABLE, "request.not_acceptable",
				"No representation matches the Accept header."), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.create(HttpStatus.CONTENT_TOO_LARGE, "request.too_large",
				"The request body is larger than this service accepts.");
		if (ex.getMaxUploadSize() > 0) {
			problem.setProperty("maxBytes", ex.getMaxUploadSize());
		}
		return respond(problem, headers, request);
	}

	/**
	 * Every other framework exception arrives here with Spring's own problem; give it a
	 * code and the request id.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail
				: Problems.create(statusCode, Problems.codeFor(statusCode), null);
		if (statusCode.is5xxServerError()) {
			log.error("Request failed", ex);
		}
		return respond(problem, headers, request);
	}

	private ResponseEntity<Object> respond(ProblemDetail problem, HttpHeaders headers, WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
			Problems.complete(problem, servletRequest);
		}
		return ResponseEntity.status(problem.getStatus())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static List<Problems.FieldError> fieldErrors(BindingResult result) {
		List<Problems.FieldError> errors = new ArrayList<>();
		result.getFieldErrors()
			.forEach((error) -> errors
				.add(new Problems.FieldError(error.getField(), String.valueOf(error.getDefaultMessage()))));
		result.getGlobalErrors()
			.forEach((error) -> errors
				.add(new Problems.FieldError(error.getObjectName(), String.valueOf(error.getDefaultMessage()))));
		return errors;
	}

	private static String violatedConstraint(DataIntegrityViolationException ex) {
		if (ex.getMostSpecificCause() instanceof PSQLException postgres && postgres.getServerErrorMessage() != null
				&& postgres.getServerErrorMessage().getConstraint() != null) {
			return "constraint " + postgres.getServerErrorMessage().getConstraint();
		}
		return ex.getMostSpecificCause().getClass().getSimpleName();
	}

	/**
	 * The SQLSTATE of a PostgreSQL data exception (class 22) behind the failure.
	 */
	private static Optional<String> dataExceptionState(DataIntegrityViolationException ex) {
		for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
				return Optional.of(sql.getSQLState());
			}
		}
		return Optional.empty();
	}

	/**
	 * Jackson reports a duplicate member (strict duplicate detection, on in the service
	 * defaults) with a plain read exception; its message is the only mark. Should it
	 * change, a duplicate is still refused, as malformed JSON.
	 */
	private static boolean isDuplicateMember(StreamReadException ex) {
		return ex.getOriginalMessage() != null && ex.getOriginalMessage().startsWith("Duplicate Object property");
	}

	/**
	 * Where the parser stood when it met the duplicate, as clients name fields:
	 * {@code links[1].url}.
	 */
	private static String duplicateField(StreamReadException ex) {
		if (!(ex.processor() instanceof JsonParser parser)) {
			return "body";
		}
		Deque<Object> segments = new ArrayDeque<>();
		for (TokenStreamContext context = parser.streamReadContext(); context != null
				&& !context.inRoot(); context = context.getParent()) {
			if (context.inArray()) {
				segments.push(context.getCurrentIndex());
			}
			else if (context.currentName() != null) {
				segments.push(context.currentName());
			}
		}
		StringBuilder field = new StringBuilder();
		for (Object segment : segments) {
			if (segment instanceof Integer index) {
				field.append('[').append(index).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(segment);
			}
		}
		return field.isEmpty() ? "body" : field.toString();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

}
