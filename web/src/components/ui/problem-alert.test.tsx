import { render, screen } from '@testing-library/react';
import { ApiProblem } from '@/lib/api/problem';
import { fieldErrorsOf, ProblemAlert } from './problem-alert';

const refusal = new ApiProblem(400, {
  detail: 'The request has invalid values.',
  code: 'request.invalid',
  errors: [
    { field: 'displayName', message: 'must not be blank' },
    { field: 'links[0].url', message: 'must be an http or https URL' },
    { field: 'mystery', message: 'is not a field this form has' },
  ],
});

describe('problem display', () => {
  it('says what went wrong, and lists only the messages no field on the form shows', () => {
    render(<ProblemAlert error={refusal} fields={['displayName', 'links']} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The request has invalid values.');
    expect(alert).toHaveTextContent('mystery: is not a field this form has');
    expect(alert).not.toHaveTextContent('must not be blank');
    expect(alert).not.toHaveTextContent('http or https');
  });

  it('shows nothing without an error', () => {
    const { container } = render(<ProblemAlert error={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('puts a refusal without field messages under the field its code is about', () => {
    const taken = new ApiProblem(409, { code: 'profile.handle_taken', detail: 'Another artist already has this handle.' });
    const errorFor = fieldErrorsOf(taken, { 'profile.handle_taken': 'handle' });
    expect(errorFor('handle')).toBe('Another artist already has this handle.');
    expect(errorFor('displayName')).toBeUndefined();
    expect(fieldErrorsOf(refusal)('links[0].url')).toBe('must be an http or https URL');
  });
});
