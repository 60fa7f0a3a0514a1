import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, renderWithClient, stubFetch } from '@/test/render';
import { GuidancePlan } from './guidance-plan';

const FACTS = {
  facts: [{ id: 'track:t1:integrated_lufs', label: 'Integrated loudness of "journey-tone"', value: '-23 LUFS', number: -23, unit: 'LUFS' }],
  platformFacts: [{ id: 'store:spotify:reference_lufs', label: "Spotify's reference loudness", value: '-14 LUFS', number: -14, unit: 'LUFS' }],
};

const PLAN = {
  points: [
    {
      kind: 'fix',
      title: 'Fix the master of "journey-tone" before you release it',
      detail: 'At -23 LUFS the master is quiet.',
      factIds: ['track:t1:integrated_lufs', 'store:spotify:reference_lufs', 'track:t1:store:spotify:gain_db'],
    },
  ],
  writeUp: null,
  writeUpUnavailable: 'ai.provider_not_configured',
};

describe('the plan', () => {
  it('shows each point with its cited facts resolved to what they say, and that it is the rule-based plan', async () => {
    const calls = stubFetch((call) => (call.path === '/api/v1/ai/facts' ? json(200, FACTS) : json(200, PLAN)));
    renderWithClient(<GuidancePlan />);
    const plan = await screen.findByRole('list', { name: 'Your plan' });
    expect(plan).toHaveTextContent('Fix the master of "journey-tone" before you release it');
    const cited = await within(plan).findByText('-14 LUFS');
    expect(cited.closest('ul')).toHaveTextContent(
      /Integrated loudness of "journey-tone": -23 LUFS.*Spotify's reference loudness: -14 LUFS.*Spotify's normalisation gain/,
    );
    expect(screen.getByText('This is the rule-based plan: no AI model is configured to write it up.')).toBeVisible();
    expect(calls.find((c) => c.path === '/api/v1/ai/guidance')?.method).toBe('POST');
  });

  it('says how a plan comes about when there is nothing to plan from yet', async () => {
    stubFetch((call) => (call.path === '/api/v1/ai/facts' ? json(200, { facts: [], platformFacts: [] }) : json(200, { points: [] })));
    renderWithClient(<GuidancePlan />);
    expect(await screen.findByText('No plan yet')).toBeVisible();
  });
});
