import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { json, problem, renderWithClient, stubFetch } from '@/test/render';
import { ContentForm, maxCharsError } from './content-form';

const NOT_CONFIGURED = {
  status: 503,
  code: 'ai.provider_not_configured',
  title: 'No AI provider is configured',
  detail:
    'Writing needs a model: set AI_PROVIDER=openai with OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server, and OPENAI_MODEL), or AI_PROVIDER=anthropic with ANTHROPIC_API_KEY (and ANTHROPIC_MODEL), for ai-service. Facts, track insights and the rule-based plan work without one.',
};

const TRACKS = { items: [{ id: 'track-1', title: 'journey-tone', status: 'READY' }], page: 0, size: 100, totalItems: 1 };
const RELEASES = { items: [], page: 0, size: 100, totalItems: 0 };

function platform(content: (body: unknown) => Response) {
  return stubFetch((call) => {
    if (call.path === '/api/v1/tracks') return json(200, TRACKS);
    if (call.path === '/api/v1/releases') return json(200, RELEASES);
    if (call.path === '/api/v1/ai/content') return content(call.body);
    return json(404, {});
  });
}

describe('the content form', () => {
  it("knows each kind's store limit", () => {
    expect(maxCharsError('playlist_pitch', '500')).toBeUndefined();
    expect(maxCharsError('playlist_pitch', '501')).toMatch(/at most 500 characters/);
    expect(maxCharsError('social_post', '281')).toMatch(/at most 280/);
    expect(maxCharsError('press_release', '4000')).toBeUndefined();
    expect(maxCharsError('short_bio', '19')).toMatch(/at least 20/);
    expect(maxCharsError('short_bio', '')).toBeUndefined();
  });

  it("refuses a limit above the pitch form's 500 characters at the field, and sends nothing", async () => {
    const calls = platform(() => json(200, {}));
    renderWithClient(<ContentForm />);
    expect(screen.getByLabelText('Kind')).toHaveValue('playlist_pitch');
    expect(screen.getByLabelText('Max characters')).toHaveAttribute('max', '500');
    await userEvent.type(screen.getByLabelText('Max characters'), '600');
    await userEvent.click(screen.getByRole('button', { name: 'Write it' }));
    expect(screen.getByText(/A playlist pitch may hold at most 500 characters/)).toBeVisible();
    expect(screen.getByLabelText('Max characters')).toHaveAttribute('aria-invalid', 'true');
    expect(calls.filter((c) => c.path === '/api/v1/ai/content')).toHaveLength(0);

    // A press release may be that long.
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'press_release');
    expect(screen.queryByText(/may hold at most/)).toBeNull();
    expect(screen.getByLabelText('Max characters')).toHaveAttribute('max', '4000');
  });

  it('shows the sentence saying which variable to set when no model is configured, and no text', async () => {
    const calls = platform(() => problem(503, NOT_CONFIGURED));
    renderWithClient(<ContentForm />);
    await screen.findByRole('option', { name: 'journey-tone' });
    await userEvent.selectOptions(screen.getByLabelText('Track'), 'track-1');
    await userEvent.click(screen.getByRole('button', { name: 'Write it' }));
    expect(await screen.findByText(/Writing needs a model: set AI_PROVIDER=openai with OPENAI_API_KEY/)).toBeVisible();
    expect(screen.getByText('Writing needs an AI model')).toBeVisible();
    expect(screen.queryByLabelText('Text to edit')).toBeNull();
    expect(calls.find((c) => c.path === '/api/v1/ai/content')?.body).toEqual({
      kind: 'playlist_pitch',
      trackId: 'track-1',
      language: 'en',
    });
  });

  it("puts the service's refusals under their fields", async () => {
    platform(() =>
      problem(400, {
        code: 'validation.failed',
        detail: 'The request is not valid.',
        errors: [{ field: 'language', message: 'must be a language tag such as en or pt-BR' }],
      }),
    );
    renderWithClient(<ContentForm />);
    await userEvent.clear(screen.getByLabelText('Language'));
    await userEvent.type(screen.getByLabelText('Language'), 'english!');
    await userEvent.click(screen.getByRole('button', { name: 'Write it' }));
    expect(await screen.findByText('Language must be a language tag such as en or pt-BR.')).toBeVisible();
  });

  it('gives the text to edit with its count against the limit, the facts used, the removed sentence, and copies it', async () => {
    platform(() =>
      json(200, {
        kind: 'social_post',
        text: 'New single out Friday. Spotify turns it up 9 dB.',
        maxChars: 60,
        facts: [{ id: 'track:track-1:title', label: 'Track title', value: 'journey-tone' }],
        ungroundedRemoved: true,
        removedSentences: ['It has 2 million streams.'],
      }),
    );
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    renderWithClient(<ContentForm />);
    await user.selectOptions(screen.getByLabelText('Kind'), 'social_post');
    await user.click(screen.getByRole('button', { name: 'Write it' }));
    const text = await screen.findByLabelText('Text to edit');
    expect(text).toHaveValue('New single out Friday. Spotify turns it up 9 dB.');
    expect(screen.getByText('48 of 60 characters.')).toBeVisible();
    expect(screen.getByRole('list', { name: 'Facts used' })).toHaveTextContent('Track title: journey-tone');
    expect(screen.getByText('It has 2 million streams.')).toBeVisible();

    await user.type(text, ' Pre-save it now, friends!');
    expect(screen.getByText(/The text is 14 characters over its limit of 60/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith('New single out Friday. Spotify turns it up 9 dB. Pre-save it now, friends!');
    expect(await screen.findByText('Copied.')).toBeVisible();
  });
});
