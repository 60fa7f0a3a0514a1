import { ApiProblem, fieldSentence, problemFrom, problemFromResponse, sentence, toProblem } from './problem';

describe('problem+json as sentences', () => {
  it('keeps the platform detail and its field errors', () => {
    const problem = problemFrom(400, {
      detail: "The track's metadata has invalid values.",
      code: 'request.invalid',
      errors: [{ field: 'isrc', message: 'An ISRC is written CC-XXX-YY-NNNNN, with hyphens only between the parts' }],
    });
    expect(problem.status).toBe(400);
    expect(problem.code).toBe('request.invalid');
    expect(problem.detail).toBe("The track's metadata has invalid values.");
    expect(problem.messageFor('isrc')).toMatch(/^An ISRC is written/);
    expect(problem.messageFor('title')).toBeUndefined();
  });

  it('writes a sentence for an answer without a problem body', async () => {
    const problem = await problemFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(problem.detail).toBe('Something went wrong on our side (error 502). Try again in a moment.');
    expect(problem.fieldErrors).toEqual([]);
  });

  it('calls a failed fetch an unreachable platform', () => {
    const problem = toProblem(new TypeError('Failed to fetch'));
    expect(problem.status).toBe(0);
    expect(problem.detail).toMatch(/could not be reached/);
  });

  it('ignores malformed field errors', () => {
    const problem = new ApiProblem(400, { errors: [{ field: 'a', message: 'b' }, { nope: true } as never] });
    expect(problem.fieldErrors).toEqual([{ field: 'a', message: 'b' }]);
  });

  it('capitalises and ends messages', () => {
    expect(sentence('must not be blank')).toBe('Must not be blank.');
    expect(sentence('Done!')).toBe('Done!');
    expect(fieldSentence('Display name', 'must not be blank')).toBe('Display name must not be blank.');
    expect(fieldSentence('ISRC', 'An ISRC is written CC-XXX-YY-NNNNN')).toBe('An ISRC is written CC-XXX-YY-NNNNN.');
  });
});
