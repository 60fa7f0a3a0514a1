/**
 * What each consumed event tells whom, and its delivery on the channels each person
 * chose.
 */
@NullMarked
package com.notalabel.notification.notice;

import org.jspecify.annotations.NullMarked;
