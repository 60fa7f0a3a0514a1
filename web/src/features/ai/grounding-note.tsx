import { Alert } from '@/components/ui/alert';

/**
 * The grounding check's flag: the model cited a number that is not among the artist's facts, was asked again
 * and did it again, so those sentences were taken out. The artist sees that, and what was removed.
 */
export function GroundingNote({ removed, sentences = [] }: { removed?: boolean; sentences?: readonly string[] }) {
  if (!removed) return null;
  return (
    <Alert tone="warning" className="mt-3" title="A sentence was removed">
      <p>
        {sentences.length === 1 ? 'One sentence' : 'Some sentences'} cited a number that is not among your facts, so
        {sentences.length === 1 ? ' it was' : ' they were'} taken out rather than shown as true.
      </p>
      {sentences.length > 0 ? (
        <ul className="mt-1 list-disc pl-5">
          {sentences.map((s) => (
            <li key={s}>
              {s}
            </li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}
