import { useLayoutEffect, type AriaAttributes } from 'react';
import { Select, type SelectProps } from 'antd';

/** What an antd Form.Item hands its control: required, invalid, which help text describes it. */
export type FieldAria = Pick<AriaAttributes, 'aria-required' | 'aria-invalid' | 'aria-describedby'>;

/** antd's Select and Cascader copy aria-* props onto their wrapper <div> as
 *  well as their input, and aria-required is not allowed on a div (axe:
 *  aria-allowed-attr, critical). So a required field's control keeps it out
 *  of the props and this puts it on the input (the combobox), found by the id
 *  Form.Item gives the control. */
export function useRequiredInput(id: string | undefined, required: AriaAttributes['aria-required']) {
  useLayoutEffect(() => {
    const input = id ? document.getElementById(id) : null;
    if (required === true || required === 'true') input?.setAttribute('aria-required', 'true');
    else input?.removeAttribute('aria-required');
  });
}

/** antd's Select inside a Form.Item: a screen reader hears that it is required. */
export default function FormSelect({ 'aria-required': required, ...props }: SelectProps) {
  useRequiredInput(props.id, required);
  return <Select {...props} />;
}
