import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';
import type { User } from '@/lib/api/types';
import { keys } from '@/lib/queries/keys';
import { json, problem, renderWithClient } from '@/test/render';
import { AvatarCard, avatarFileProblem, MAX_AVATAR_BYTES } from './avatar-upload';

interface Sent {
  method: string;
  path: string;
  contentType: string | null;
  bytes: number;
}

/** The network under the real client; bodies here are images, so only their size is recorded. */
function stubNetwork(answer: (sent: Sent) => Response) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(input, init);
      const call = {
        method: request.method,
        path: new URL(request.url).pathname,
        contentType: request.headers.get('Content-Type'),
        bytes: (await request.arrayBuffer()).byteLength,
      };
      sent.push(call);
      return answer(call);
    }),
  );
  return sent;
}

const ada: User = { id: 'u1', email: 'ada@example.com', displayName: 'Ada', handle: 'ada' } as User;

function picture(bytes: number, type = 'image/png'): File {
  return new File([new Uint8Array(bytes)], 'me.png', { type });
}

describe('the profile picture', () => {
  beforeEach(() => {
    // jsdom has no object URLs.
    URL.createObjectURL = vi.fn(() => 'blob:preview');
    URL.revokeObjectURL = vi.fn();
  });

  it('shows the chosen picture before sending it, then the one the platform stored', async () => {
    const sent = stubNetwork(() => json(200, { ...ada, avatarUrl: '/api/v1/artists/ada/avatar?v=a1' }));
    const { client } = renderWithClient(<AvatarCard user={ada} />);
    expect(screen.getByText('No picture yet')).toBeInTheDocument();

    await userEvent.upload(screen.getByLabelText('Choose a picture'), picture(2048));
    expect(screen.getByRole('img', { name: 'Preview of your new picture' })).toHaveAttribute('src', 'blob:preview');
    expect(sent).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Upload picture' }));

    await vi.waitFor(() => expect(client.getQueryData<User>(keys.me)?.avatarUrl).toBe('/api/v1/artists/ada/avatar?v=a1'));
    expect(sent).toEqual([{ method: 'PUT', path: '/api/v1/users/me/avatar', contentType: 'image/png', bytes: 2048 }]);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:preview');
  });

  it('refuses a picture over 5 MB without sending it', async () => {
    const sent = stubNetwork(() => json(200, ada));
    renderWithClient(<AvatarCard user={ada} />);

    await userEvent.upload(screen.getByLabelText('Choose a picture'), picture(MAX_AVATAR_BYTES + 1));

    expect(screen.getByRole('alert')).toHaveTextContent('The picture is larger than 5 MB.');
    expect(screen.queryByRole('button', { name: 'Upload picture' })).not.toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it("says why the platform refused the file, and keeps the chosen one to try again", async () => {
    stubNetwork(() =>
      problem(415, { status: 415, code: 'avatar.unsupported_format', detail: 'An avatar must be a JPEG, PNG or WebP image.' }),
    );
    renderWithClient(<AvatarCard user={ada} />);

    await userEvent.upload(screen.getByLabelText('Choose a picture'), picture(100));
    await userEvent.click(screen.getByRole('button', { name: 'Upload picture' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('An avatar must be a JPEG, PNG or WebP image.');
    expect(screen.getByRole('img', { name: 'Preview of your new picture' })).toBeInTheDocument();
  });

  it('removes the current picture', async () => {
    const sent = stubNetwork(() => new Response(null, { status: 204 }));
    const withPicture = { ...ada, avatarUrl: '/api/v1/artists/ada/avatar?v=a1' };
    const { client } = renderWithClient(<AvatarCard user={withPicture} />);
    client.setQueryData(keys.me, withPicture);
    expect(screen.getByRole('img', { name: 'Your current picture' })).toHaveAttribute('src', withPicture.avatarUrl);

    await userEvent.click(screen.getByRole('button', { name: 'Remove picture' }));

    await vi.waitFor(() => expect(client.getQueryData<User>(keys.me)?.avatarUrl).toBeUndefined());
    expect(sent.map((call) => `${call.method} ${call.path}`)).toEqual(['DELETE /api/v1/users/me/avatar']);
  });

  it('tells what will not do by type and size alone', () => {
    expect(avatarFileProblem(picture(10, 'image/gif'))).toBe('Choose a JPEG, PNG or WebP image.');
    expect(avatarFileProblem(picture(10, 'image/webp'))).toBeNull();
    // A file the browser cannot type is left to the platform, which reads its bytes.
    expect(avatarFileProblem(picture(10, ''))).toBeNull();
  });
});
