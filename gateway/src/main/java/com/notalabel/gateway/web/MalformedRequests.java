package com.notalabel.gateway.web;

import java.util.List;
import java.util.Map;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Gives the platform's problem+json body to the answers reactor-netty gives by itself,
 * with no body, before WebFlux sees a request: a request line too long (414), headers too
 * large (431), a request that is not HTTP/1.1 (400), and its own last-resort 500. It also
 * refuses, the same way, a request target that WebFlux could not parse or a service would
 * decode differently ({@link RequestTargets}), by marking the request as one the decoder
 * failed on. One per connection, between the HTTP codec and reactor-netty's handler; on
 * the way of every request it costs a scan of the target and two field writes.
 */
final class MalformedRequests extends ChannelDuplexHandler {

	static final String NAME = "nal.malformedRequests";

	private final ProblemResponses problems;

	/** Why the decoder refused the request being answered, if it did. */
	private @Nullable Throwable failure;

	/** The target of the latest request, for the problem's {@code instance}. */
	private String target = "/";

	private boolean head;

	MalformedRequests(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			this.target = request.uri();
			this.head = HttpMethod.HEAD.equals(request.method());
			if (request.decoderResult().isSuccess() && !RequestTargets.isAcceptable(this.target)) {
				request.setDecoderResult(DecoderResult.failure(new MalformedRequestTarget()));
			}
		}
		if (msg instanceof DecoderResultProvider decoded && decoded.decoderResult().isFailure()) {
			this.failure = decoded.decoderResult().cause();
		}
		ctx.fireChannelRead(msg);
	}

	@Override
	public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
		if (msg instanceof FullHttpResponse response && isBareError(response)) {
			ctx.write(withProblem(response), promise);
			return;
		}
		ctx.write(msg, promise);
	}

	/**
	 * An error answer with no body that reactor-netty made itself: one for a request the
	 * decoder refused, or one that closes the connection. An answer from WebFlux or from
	 * a service, even an empty one, keeps the connection open.
	 */
	private boolean isBareError(FullHttpResponse response) {
		return response.status().code() >= 400 && !response.content().isReadable()
				&& !response.headers().contains(HttpHeaderNames.CONTENT_TYPE) && (this.failure != null
						|| response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true));
	}

	private FullHttpResponse withProblem(FullHttpResponse bare) {
		Problem problem = problemFor(bare.status().code(), this.failure);
		String requestId = EdgeRequest.newRequestId();
		String path = pathOf(this.target);
		byte[] body = this.problems.bytes(problem, path, requestId);
		ByteBuf content = this.head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body);
		FullHttpResponse response = new DefaultFullHttpResponse(bare.protocolVersion(),
				HttpResponseStatus.valueOf(problem.status().value()), content);
		response.headers().set(bare.headers());
		HttpHeaders edge = new HttpHeaders();
		SecurityHeaders.apply(edge, path);
		for (Map.Entry<String, List<String>> header : edge.headerSet()) {
			response.headers().set(header.getKey(), header.getValue());
		}
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set(EdgeRequest.REQUEST_ID_HEADER, requestId)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		bare.release();
		return response;
	}

	static Problem problemFor(int status, @Nullable Throwable failure) {
		if (failure instanceof MalformedRequestTarget) {
			return new Problem(HttpStatus.BAD_REQUEST, "request.invalid_uri",
					"The request target must be a path with an optional query, made of the characters RFC 3986"
							+ " allows and percent-encoded as UTF-8.");
		}
		if (failure instanceof TooLongHttpLineException || status == HttpStatus.URI_TOO_LONG.value()) {
			return new Problem(HttpStatus.URI_TOO_LONG, "request.uri_too_long",
					"The request line is longer than this server accepts.");
		}
		if (failure instanceof TooLongHttpHeaderException
				|| status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE.value()) {
			return new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request.headers_too_large",
					"The request headers are larger than this server accepts.");
		}
		if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
			return new Problem(HttpStatus.CONTENT_TOO_LARGE, "request.too_large", "The request is too large.");
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		if (resolved == null || resolved.is5xxServerError()) {
			return new Problem((resolved != null) ? resolved : HttpStatus.INTERNAL_SERVER_ERROR, "server.error",
					"Something went wrong on our side.");
		}
		if (resolved == HttpStatus.BAD_REQUEST || failure != null) {
			return new Problem(resolved, "request.malformed", "The request is not valid HTTP/1.1.");
		}
		return new Problem(resolved, "request.invalid", "The request cannot be processed.");
	}

	/** The path of a target in origin- or absolute-form, without its query. */
	private static String pathOf(String target) {
		int start = 0;
		int scheme = target.indexOf("://");
		if (scheme > 0 && !target.startsWith("/")) {
			int slash = target.indexOf('/', scheme + 3);
			if (slash < 0) {
				return "/";
			}
			start = slash;
		}
		int query = target.indexOf('?', start);
		return target.substring(start, (query < 0) ? target.length() : query);
	}

	/**
	 * A request target the gateway does not read ({@link RequestTargets}).
	 */
	static final class MalformedRequestTarget extends RuntimeException {

		MalformedRequestTarget() {
			super("The request target is not percent-encoded UTF-8 within RFC 3986", null, false, false);
		}

	}

}
