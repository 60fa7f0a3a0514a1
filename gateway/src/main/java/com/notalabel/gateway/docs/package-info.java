/**
 * One Swagger UI for the platform: a route to each service's OpenAPI document, rewritten
 * so that "Try it out" goes through the gateway.
 */
@NullMarked
package com.notalabel.gateway.docs;

import org.jspecify.annotations.NullMarked;
