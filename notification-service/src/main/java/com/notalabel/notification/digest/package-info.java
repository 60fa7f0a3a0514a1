/**
 * The weekly digest: the numbers of a person's analytics events of the week (milestones
 * passed, spikes), mailed once a week to those who have mail on for it.
 */
@NullMarked
package com.notalabel.notification.digest;

import org.jspecify.annotations.NullMarked;
