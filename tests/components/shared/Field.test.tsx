import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { describedBy, Field } from '../../../components/shared/Field';

describe('Field', () => {
  it('labels its control, which is described by the hint, warning and error shown', () => {
    const notes = { hint: '10 digits', warning: 'Nine digits can also be an SSN', error: 'Not an NPN' };
    render(
      <Field id="npn" label="NPN" {...notes}>
        <input id="npn" aria-describedby={describedBy('npn', notes)} />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'NPN' });
    expect(input.getAttribute('aria-describedby')).toBe('npn-hint npn-warning npn-error');
    expect(screen.getByText('Not an NPN').id).toBe('npn-error');
    expect(input.closest('.field')?.classList.contains('field-invalid')).toBe(true);
  });

  it('with nothing to say, the control points at nothing and the field is not marked invalid', () => {
    render(
      <Field id="name" label="Name">
        <input id="name" aria-describedby={describedBy('name', {})} />
      </Field>,
    );
    const input = screen.getByRole('textbox', { name: 'Name' });
    expect(input.hasAttribute('aria-describedby')).toBe(false);
    expect(input.closest('.field')?.classList.contains('field-invalid')).toBe(false);
    expect(describedBy('name', { hint: 'As on your license' })).toBe('name-hint');
  });
});
