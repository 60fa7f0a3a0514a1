'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { Loading } from '@/components/ui/states';
import { useErn } from '@/lib/queries/releases';

/** The exact DDEX ERN message sent to one store: read on the page, or saved as the XML file it is. */
export function ErnViewer({ releaseId, platform, storeName }: { releaseId: string; platform: string; storeName: string }) {
  const [open, setOpen] = useState(false);
  const ern = useErn(releaseId, platform, open);
  const download = () => {
    if (!ern.data) return;
    const url = URL.createObjectURL(new Blob([ern.data], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `ern-${platform}-${releaseId}.xml`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const regionId = `ern-${platform}`;
  return (
    <div className="mt-3 flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          size="sm"
          aria-expanded={open}
          aria-controls={regionId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? `Hide the ERN message for ${storeName}` : `Show the ERN message for ${storeName}`}
        </Button>
        {open && ern.data ? (
          <Button variant="secondary" size="sm" onClick={download}>
            Download the ERN message for {storeName}
          </Button>
        ) : null}
      </div>
      <div id={regionId} hidden={!open}>
        {open && ern.isPending ? <Loading label="Loading the message…" className="py-2" /> : null}
        <ProblemAlert error={ern.error} />
        {ern.data ? (
          <pre
            tabIndex={0}
            aria-label={`ERN message sent to ${storeName}`}
            className="max-h-96 overflow-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950"
          >
            {ern.data}
          </pre>
        ) : null}
      </div>
    </div>
  );
}
