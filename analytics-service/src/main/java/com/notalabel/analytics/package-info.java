/**
 * analytics-service: streams, revenue imports, roll-ups and milestones.
 */
@NullMarked
package com.notalabel.analytics;

import org.jspecify.annotations.NullMarked;
