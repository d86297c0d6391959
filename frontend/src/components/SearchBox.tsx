import { useEffect, useRef, useState } from 'react';
import { SearchOutlined } from '@ant-design/icons';

interface Props {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (q: string) => void;
}

/** Search-as-you-type: the URL (and so the query) follows 300 ms after typing stops. */
export default function SearchBox({ id, label, placeholder, value, onChange }: Props) {
  const [text, setText] = useState(value);
  const written = useRef(value);
  const change = useRef(onChange);
  useEffect(() => {
    change.current = onChange;
  });
  // Outside changes (back button, "clear filters") win over the box.
  useEffect(() => {
    if (value !== written.current) {
      written.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    if (text.trim() === written.current.trim()) return;
    const timer = setTimeout(() => {
      written.current = text.trim();
      change.current(text.trim());
    }, 300);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <span className="lite-search">
        <SearchOutlined aria-hidden />
        <input
          id={id}
          className="lite-input lite-input-lg"
          type="search"
          placeholder={placeholder}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            written.current = text.trim();
            onChange(text.trim());
          }}
          enterKeyHint="search"
          aria-label={label}
        />
      </span>
    </div>
  );
}
