/**
 * The service's wiring: the events it consumes and its settings.
 */
@NullMarked
package com.notalabel.ai.config;

import org.jspecify.annotations.NullMarked;
