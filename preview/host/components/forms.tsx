/**
 * Host versions of the SDK's form fields.
 *
 * A controlled field over an async boundary drops keystrokes if it renders
 * every echo of its own value ("api_" arrives as "a", "ap", …, after the user
 * has typed on). The field keeps its own value and accepts a value from the
 * view only when it is not one of its own echoes, e.g. the view clearing it.
 */
import {useEffect, useId, useRef, useState, type ReactNode} from 'react';
import {callRemote} from './shared';

function useEchoSafeValue(propValue: string | undefined, defaultValue: string | undefined) {
  const [value, setValue] = useState(propValue ?? defaultValue ?? '');
  const pending = useRef<string[]>([]);
  useEffect(() => {
    if (propValue === undefined) return;
    const echo = pending.current.indexOf(propValue);
    if (echo !== -1) {
      pending.current = pending.current.slice(echo + 1);
      return;
    }
    pending.current = [];
    setValue(propValue);
  }, [propValue]);
  const typed = (next: string) => {
    pending.current.push(next);
    setValue(next);
  };
  return [value, typed] as const;
}

/**
 * What every text-like field shares: an id for its label, its echo-safe value,
 * and a change handler that keeps the value and tells the view. `toView` shapes
 * what crosses (a plain object: DOM events cannot cross into the iframe).
 */
function useRemoteField(
  props: {value?: string; defaultValue?: string; name?: string; onChange?: unknown},
  toView: (value: string) => unknown = (value) => ({target: {value, name: props.name}}),
) {
  const id = useId();
  const [value, setValue] = useEchoSafeValue(props.value, props.defaultValue);
  const onChange = (e: {target: {value: string}}) => {
    setValue(e.target.value);
    callRemote(props.onChange, toView(e.target.value));
  };
  return {id, value, onChange};
}

interface FieldChrome {
  label?: ReactNode;
  description?: ReactNode;
  error?: string;
  invalid?: boolean;
  hiddenElements?: string[];
}

function Field({id, label, description, error, hiddenElements = [], children}: FieldChrome & {id: string; children: ReactNode}) {
  return (
    <div className="kr-field">
      {label && !hiddenElements.includes('label') ? (
        <label htmlFor={id} className="kr-label">
          {label}
        </label>
      ) : null}
      {description && !hiddenElements.includes('description') ? <div className="kr-secondary">{description}</div> : null}
      {children}
      {error && !hiddenElements.includes('error') ? (
        <div className="kr-field-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}

interface TextFieldProps extends FieldChrome {
  name?: string;
  type?: string;
  value?: string;
  defaultValue?: string;
  placeholder?: string;
  disabled?: boolean;
  readOnly?: boolean;
  required?: boolean;
  autoComplete?: string;
  spellCheck?: boolean | string;
  maxLength?: number;
  onChange?: unknown;
}

export function TextField(props: TextFieldProps) {
  const {id, value, onChange} = useRemoteField(props);
  return (
    <Field id={id} {...props}>
      <input
        id={id}
        className={`kr-input${props.invalid || props.error ? ' kr-invalid' : ''}`}
        name={props.name}
        type={props.type ?? 'text'}
        value={value}
        placeholder={props.placeholder}
        disabled={props.disabled}
        readOnly={props.readOnly}
        required={props.required}
        autoComplete={props.autoComplete}
        spellCheck={props.spellCheck === true || props.spellCheck === 'true'}
        maxLength={props.maxLength}
        aria-invalid={props.invalid || Boolean(props.error)}
        onChange={onChange}
      />
    </Field>
  );
}

export function TextArea(props: TextFieldProps & {rows?: number}) {
  const {id, value, onChange} = useRemoteField(props);
  return (
    <Field id={id} {...props}>
      <textarea
        id={id}
        className="kr-input"
        name={props.name}
        rows={props.rows ?? 3}
        value={value}
        disabled={props.disabled}
        onChange={onChange}
      />
    </Field>
  );
}

export function DateField(props: FieldChrome & {value?: string; defaultValue?: string; disabled?: boolean; onChange?: unknown}) {
  // The SDK's DateField hands the view the day as a string.
  const {id, value, onChange} = useRemoteField(props, (day) => day);
  return (
    <Field id={id} {...props}>
      <input
        id={id}
        className={`kr-input${props.invalid || props.error ? ' kr-invalid' : ''}`}
        type="date"
        value={value}
        disabled={props.disabled}
        aria-invalid={props.invalid || Boolean(props.error)}
        onChange={onChange}
      />
    </Field>
  );
}

export function Select(props: FieldChrome & {name?: string; value?: string; defaultValue?: string; disabled?: boolean; onChange?: unknown; children?: ReactNode}) {
  const {id, value, onChange} = useRemoteField(props);
  return (
    <Field id={id} {...props}>
      <select
        id={id}
        className="kr-input"
        name={props.name}
        value={value}
        disabled={props.disabled}
        onChange={onChange}
      >
        {props.children}
      </select>
    </Field>
  );
}

export function Checkbox(props: FieldChrome & {name?: string; checked?: boolean; defaultChecked?: boolean; disabled?: boolean; onChange?: unknown}) {
  const id = useId();
  const [checked, setChecked] = useState(props.checked ?? props.defaultChecked ?? false);
  useEffect(() => {
    if (props.checked !== undefined) setChecked(props.checked);
  }, [props.checked]);
  return (
    <div className="kr-field kr-checkbox">
      <input
        id={id}
        type="checkbox"
        name={props.name}
        checked={checked}
        disabled={props.disabled}
        onChange={(e) => {
          setChecked(e.target.checked);
          callRemote(props.onChange, {target: {checked: e.target.checked, name: props.name}});
        }}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.error ? <div className="kr-field-error">{props.error}</div> : null}
    </div>
  );
}
