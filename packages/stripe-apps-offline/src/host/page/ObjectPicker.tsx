import {useState} from 'react';

/** The object a detail page shows: its id, from a simple picker (the view restarts with it, as on a new page). */
export function ObjectPicker({kind, id, onOpen}: {kind: string; id: string; onOpen(id: string): void}) {
  const [text, setText] = useState(id);
  return (
    <form
      className="kr-object-picker"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(text.trim());
      }}
    >
      <label>
        {kind} id{' '}
        <input className="kr-input" aria-label="Object in context" value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="kr-button kr-button-secondary">
        Open
      </button>
    </form>
  );
}
