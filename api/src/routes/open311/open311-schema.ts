import { Type } from 'typebox';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const Open311ServiceList = Type.Array(Type.Object({
  service_code: Type.String(), service_name: Type.String(), description: Type.String(), metadata: Type.Boolean(),
  type: Type.String(), keywords: Type.String(), group: Type.String(),
}));

export const Open311ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(Type.Object({
    variable: Type.Boolean(), code: Type.String(), datatype: Type.String(), required: Type.Boolean(), datatype_description: Type.String(),
    order: Type.Integer(), description: Type.String(), values: Type.Array(Type.Object({ key: Type.String(), name: Type.String() })),
  })),
});

export const Open311Created = Type.Array(Type.Object({ service_request_id: Type.String(), service_notice: NullableString, account_id: NullableString }));

/** A service request with exactly the GeoReport v2 field names. */
export const Open311RequestList = Type.Array(Type.Object({
  service_request_id: Type.String(), status: Type.String(), status_notes: NullableString, service_name: Type.String(), service_code: Type.String(),
  description: NullableString, agency_responsible: NullableString, service_notice: NullableString, requested_datetime: NullableString,
  updated_datetime: NullableString, expected_datetime: NullableString, address: NullableString, address_id: NullableString,
  zipcode: NullableString, lat: NullableNumber, long: NullableNumber, media_url: NullableString,
}));
